// The timeline layout: resources (grouped by type) against the day's hours in 15-minute ticks, closed time
// shaded, one tile per reservation, an "unassigned" lane, and the covers starting in each quarter hour.
// Tiles can be dragged to another time or resource; opening a tile offers the same move by keyboard.
import { t } from "./i18n.js";
import { h } from "./dom.js";
import { time, dayTitle } from "./format.js";
import { guestName, OCCUPYING, EXPECTED } from "./reservations.js";
import { resourcesShown, showsOwnColumn, ownColumnSwitch } from "./own-column.js";

const QUARTER = 15 * 60 * 1000;
export const SLOT_PX = 28;

export function renderTimeline(container, state, actions) {
  const day = state.day;
  const zone = day.timezone;
  const from = Date.parse(day.timeline_from);
  const until = Date.parse(day.timeline_until);
  const slots = Math.max(1, Math.round((until - from) / QUARTER));
  const x = function (instant) { return ((Date.parse(instant) - from) / QUARTER) * SLOT_PX; };

  const grid = h("div", { class: "tl-grid" });
  grid.style.setProperty("--slots", String(slots));
  grid.style.setProperty("--slot", SLOT_PX + "px");

  // Hours along the top, quarter ticks drawn by the lanes' background.
  const ticks = h("div", { class: "tl-ticks", "aria-hidden": "true" });
  for (let i = 0; i < slots; i++) {
    const at = new Date(from + i * QUARTER).toISOString();
    if (i % 4 === 0) {
      const label = h("span", { class: "tl-hour" }, time(at, zone));
      label.style.left = (i * SLOT_PX) + "px";
      ticks.appendChild(label);
    }
  }
  grid.appendChild(h("div", { class: "tl-row tl-head" }, h("div", { class: "tl-label" }), ticks));

  const byResource = new Map();
  const unassigned = [];
  day.reservations.filter(function (r) { return OCCUPYING.includes(r.status) || r.status === "completed"; })
    .forEach(function (r) {
      const held = (r.assigned_resources || []).map(function (a) { return a.resource_id; });
      if (!held.length) { unassigned.push(r); return; }
      Array.from(new Set(held)).forEach(function (id) {
        if (!byResource.has(id)) { byResource.set(id, []); }
        byResource.get(id).push(r);
      });
    });

  let lastType = null;
  const shown = resourcesShown(state);
  const ownOnly = showsOwnColumn(state);
  shown.forEach(function (resource) {
    if (resource.resource_type !== lastType) {
      lastType = resource.resource_type;
      grid.appendChild(h("div", { class: "tl-group" }, h("span", { class: "tl-group-name" }, typeName(lastType))));
    }
    grid.appendChild(lane(resource.id, resource.name + (resource.capacity ? " · " + resource.capacity : ""),
      byResource.get(resource.id) || [], closedStretches(resource.open)));
  });
  if (!ownOnly) { grid.appendChild(lane("", t("unassigned"), unassigned, [])); }
  grid.appendChild(footer());

  const region = h("div", { class: "timeline", id: "timeline", role: "region", tabindex: "0",
    "aria-label": t("timelineLabel", { date: dayTitle(day.date) }) }, grid);
  const whose = ownColumnSwitch(state, actions.hooks.rerender);
  if (whose) { container.appendChild(whose); }
  if (state.canEdit) { container.appendChild(h("p", { class: "hint" }, t("dragHint"))); }
  container.appendChild(region);
  // Open on the first hour that has something (in one's own column, when that is what is shown), not on an
  // empty morning.
  const ownIds = shown.map(function (resource) { return resource.id; });
  const starts = day.reservations.filter(function (r) {
    return !ownOnly || (r.assigned_resources || []).some(function (a) { return ownIds.includes(a.resource_id); });
  }).map(function (r) { return x(r.start_datetime); });
  const first = starts.length ? Math.min.apply(null, starts) : 0;
  region.scrollLeft = Math.max(0, first - 2 * SLOT_PX);

  function lane(resourceId, name, reservations, closed) {
    const track = h("div", { class: "tl-lane", dataset: { resource: resourceId } });
    closed.forEach(function (span) {
      const shade = h("div", { class: "tl-closed", title: t("closed") });
      shade.style.left = Math.max(0, x(span.from)) + "px";
      shade.style.width = Math.max(0, x(span.until) - Math.max(0, x(span.from))) + "px";
      track.appendChild(shade);
    });
    // Tiles that overlap in one lane (possible with staff overrides, several units, or no resource) stack in
    // sub-rows and are outlined.
    const rows = [];
    reservations.slice().sort(function (a, b) { return a.start_datetime < b.start_datetime ? -1 : 1; })
      .forEach(function (r) {
        const start = Date.parse(r.start_datetime);
        let row = rows.findIndex(function (end) { return end <= start; });
        if (row < 0) { row = rows.length; rows.push(0); }
        rows[row] = Date.parse(r.end_datetime);
        const overlapping = reservations.some(function (o) {
          return o !== r && Date.parse(o.start_datetime) < Date.parse(r.end_datetime)
            && Date.parse(r.start_datetime) < Date.parse(o.end_datetime);
        });
        track.appendChild(tile(r, row, overlapping && resourceId !== ""));
      });
    track.style.setProperty("--rows", String(Math.max(1, rows.length)));
    if (state.canEdit) { dropTarget(track, resourceId); }
    return h("div", { class: "tl-row", dataset: { resource: resourceId } },
      h("div", { class: "tl-label" }, name), track);
  }

  function tile(r, row, overlapping) {
    const guest = guestName(r);
    const label = [t("guestOf", { guest: guest, n: r.party_size }),
      time(r.start_datetime, zone) + "–" + time(r.end_datetime, zone), t("status_" + r.status),
      t("source_" + r.source), r.is_override ? t("override") : null].filter(Boolean).join(", ");
    const el = h("button", {
      type: "button",
      class: "tile status-" + r.status + (overlapping ? " overlap" : "") + (r.is_override ? " override" : ""),
      dataset: { reservation: r.id },
      "aria-label": label,
      title: label,
      draggable: state.canEdit && OCCUPYING.includes(r.status) ? "true" : null,
      onclick: function () { actions.openReservation(r); }
    },
    h("span", { class: "tile-guest" }, guest),
    h("span", { class: "tile-party" }, String(r.party_size)),
    h("span", { class: "badge source-" + r.source, "aria-hidden": "true" }, t("badge_" + r.source)));
    el.style.left = x(r.start_datetime) + "px";
    el.style.width = Math.max(SLOT_PX, x(r.end_datetime) - x(r.start_datetime)) - 2 + "px";
    el.style.setProperty("--row", String(row));
    el.addEventListener("dragstart", function (event) {
      const box = el.getBoundingClientRect();
      event.dataTransfer.setData("text/plain", r.id);
      event.dataTransfer.effectAllowed = "move";
      dragging = { reservation: r, grab: event.clientX - box.left };
    });
    el.addEventListener("dragend", function () { dragging = null; });
    return el;
  }

  let dragging = null;

  function dropTarget(track, resourceId) {
    track.addEventListener("dragover", function (event) {
      if (dragging) { event.preventDefault(); event.dataTransfer.dropEffect = "move"; track.classList.add("drop"); }
    });
    track.addEventListener("dragleave", function () { track.classList.remove("drop"); });
    track.addEventListener("drop", function (event) {
      event.preventDefault();
      track.classList.remove("drop");
      if (!dragging) { return; }
      const box = track.getBoundingClientRect();
      const quarters = Math.round((event.clientX - box.left - dragging.grab) / SLOT_PX);
      const start = new Date(from + Math.max(0, quarters) * QUARTER).toISOString().replace(".000Z", "Z");
      const moved = dragging.reservation;
      dragging = null;
      actions.move(moved, start, resourceId || null);
    });
  }

  function footer() {
    const cells = h("div", { class: "tl-lane tl-covers" });
    const counts = new Array(slots).fill(0);
    day.reservations.forEach(function (r) {
      if (!EXPECTED.includes(r.status) && r.status !== "held") { return; }
      const i = Math.floor((Date.parse(r.start_datetime) - from) / QUARTER);
      if (i >= 0 && i < slots) { counts[i] += r.party_size; }
    });
    counts.forEach(function (n, i) {
      if (!n) { return; }
      const cell = h("span", { class: "tl-count", title: time(new Date(from + i * QUARTER).toISOString(), zone) + ": " + n }, String(n));
      cell.style.left = (i * SLOT_PX) + "px";
      cells.appendChild(cell);
    });
    return h("div", { class: "tl-row tl-foot" }, h("div", { class: "tl-label" }, t("coversPer15")), cells);
  }

  /** The complement of the open stretches within the timeline. */
  function closedStretches(open) {
    const closed = [];
    let cursor = from;
    (open || []).forEach(function (span) {
      const a = Date.parse(span.from);
      const b = Date.parse(span.until);
      if (a > cursor) { closed.push({ from: new Date(cursor).toISOString(), until: new Date(Math.min(a, until)).toISOString() }); }
      cursor = Math.max(cursor, b);
    });
    if (cursor < until) { closed.push({ from: new Date(cursor).toISOString(), until: new Date(until).toISOString() }); }
    return closed;
  }
}

function typeName(type) {
  const known = t("type_" + type);
  return known !== "type_" + type ? known : type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, " ");
}
