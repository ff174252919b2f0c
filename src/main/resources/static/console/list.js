// The list layout: one row per reservation of the day, searchable, filterable by status and source, sortable.
import { t } from "./i18n.js";
import { h } from "./dom.js";
import { time } from "./format.js";
import { guestName, resourceNames, tagsOf, notesOf, NEXT } from "./reservations.js";
import { reservationsShown, ownColumnSwitch } from "./own-column.js";

const STATUSES = ["held", "pending", "confirmed", "seated", "completed", "no_show", "cancelled", "expired"];
const SOURCES = ["manual", "api", "booking_page", "ai_assistant", "google", "walk_in", "waitlist"];

const COLUMNS = [
  { key: "time", label: "time", value: function (r) { return r.start_datetime; } },
  { key: "guest", label: "guest", value: function (r) { return guestName(r).toLowerCase(); } },
  { key: "party", label: "partySize", value: function (r) { return r.party_size; } },
  { key: "service", label: "service" },
  { key: "resources", label: "resources", value: function (r) { return resourceNames(r).toLowerCase(); } },
  { key: "status", label: "status", value: function (r) { return STATUSES.indexOf(r.status); } },
  { key: "source", label: "source", value: function (r) { return r.source; } },
  { key: "notes", label: "notes" },
  { key: "tags", label: "tags" }
];

export function renderList(container, state, actions, rerender) {
  const day = state.day;
  const zone = day.timezone;
  const services = new Map(day.services.map(function (s) { return [s.id, s]; }));

  const search = h("input", { type: "search", id: "search", value: state.filters.q, autocomplete: "off" });
  search.addEventListener("input", function () { state.filters.q = search.value; redrawRows(); });
  const status = select("status-filter", STATUSES.map(function (s) { return [s, t("status_" + s)]; }), state.filters.status);
  status.addEventListener("change", function () { state.filters.status = status.value; redrawRows(); });
  const source = select("source-filter", SOURCES.map(function (s) { return [s, t("source_" + s)]; }), state.filters.source);
  source.addEventListener("change", function () { state.filters.source = source.value; redrawRows(); });
  const whose = ownColumnSwitch(state, rerender, t("myBookings"));
  if (whose) { container.appendChild(whose); }
  container.appendChild(h("div", { class: "filters" },
    h("span", { class: "field" }, h("label", { for: "search" }, t("search")), search),
    h("span", { class: "field" }, h("label", { for: "status-filter" }, t("statusFilter")), status),
    h("span", { class: "field" }, h("label", { for: "source-filter" }, t("sourceFilter")), source)));

  const head = h("tr", null, COLUMNS.map(function (column) {
    const sorted = state.sort.key === column.key;
    const th = h("th", { scope: "col", "aria-sort": sorted ? (state.sort.dir > 0 ? "ascending" : "descending") : null });
    if (column.value) {
      th.appendChild(h("button", { type: "button", class: "sort", dataset: { sort: column.key },
        onclick: function () {
          state.sort = { key: column.key, dir: sorted ? -state.sort.dir : 1 };
          rerender();
        } }, t(column.label), h("span", { "aria-hidden": "true" }, sorted ? (state.sort.dir > 0 ? " ▲" : " ▼") : "")));
    } else {
      th.textContent = t(column.label);
    }
    return th;
  }), state.canEdit ? h("th", { scope: "col" }, t("actions")) : null);
  const body = h("tbody");
  const empty = h("p", { class: "empty", id: "list-empty" });
  container.appendChild(h("div", { class: "table-wrap", role: "region", "aria-label": t("list"), tabindex: "0" },
    h("table", { class: "reservations", id: "reservation-list" }, h("thead", null, head), body)));
  container.appendChild(empty);
  redrawRows();

  function redrawRows() {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    const rows = visible();
    rows.forEach(function (r) { body.appendChild(row(r)); });
    empty.textContent = rows.length ? "" : (day.reservations.length ? t("noMatches") : t("noReservations"));
  }

  function visible() {
    const q = state.filters.q.trim().toLowerCase();
    const column = COLUMNS.find(function (c) { return c.key === state.sort.key; }) || COLUMNS[0];
    return reservationsShown(state, day.reservations).filter(function (r) {
      if (state.filters.status && r.status !== state.filters.status) { return false; }
      if (state.filters.source && r.source !== state.filters.source) { return false; }
      if (!q) { return true; }
      const person = r.contact || r.guest_details || {};
      const haystack = [guestName(r), person.email, person.phone, r.confirmation_code, notesOf(r),
        tagsOf(r, state.contacts).join(" "), resourceNames(r)].filter(Boolean).join(" ").toLowerCase();
      return haystack.includes(q);
    }).sort(function (a, b) {
      const x = column.value(a);
      const y = column.value(b);
      const order = x < y ? -1 : x > y ? 1 : (a.start_datetime < b.start_datetime ? -1 : 1);
      return order * state.sort.dir;
    });
  }

  function row(r) {
    const service = services.get(r.service_id);
    const guest = h("button", { type: "button", class: "link guest", dataset: { reservation: r.id },
      onclick: function () { actions.openReservation(r); } }, guestName(r));
    const tags = tagsOf(r, state.contacts);
    // data-label names each cell for the phone layout, where rows become cards.
    const cell = function (label, attrs) {
      return Object.assign({ dataset: { label: t(label) } }, attrs || {});
    };
    return h("tr", { dataset: { reservation: r.id, status: r.status } },
      h("td", cell("time", { class: "time" }), time(r.start_datetime, zone)),
      h("td", cell("guest", { class: "guest-cell" }), guest,
        r.is_override ? h("span", { class: "override-mark", title: t("override") }, " ⚑") : null),
      h("td", cell("partySize", { class: "num" }), String(r.party_size)),
      h("td", cell("service"), service ? service.name : ""),
      h("td", cell("resources"), resourceNames(r) || t("unassigned")),
      h("td", cell("status"), h("span", { class: "status status-" + r.status }, t("status_" + r.status))),
      h("td", cell("source"), t("source_" + r.source)),
      h("td", cell("notes", { class: "notes" }), notesOf(r)),
      h("td", cell("tags"), tags.map(function (tag) { return h("span", { class: "tag" }, tag); })),
      state.canEdit ? h("td", cell("actions"), h("div", { class: "row-actions" }, NEXT[r.status].map(function (next) {
        return h("button", { type: "button", class: "small to-" + next, dataset: { to: next },
          "aria-label": t("to_" + next) + ": " + guestName(r),
          onclick: function () { actions.transition(r, next); } }, t("to_" + next));
      }))) : null);
  }
}

function select(id, options, value) {
  const el = h("select", { id: id }, h("option", { value: "" }, t("all")),
    options.map(function (o) { return h("option", { value: o[0] }, o[1]); }));
  el.value = value;
  return el;
}
