// The console: who is signed in, the day shown (its date and layout in the address, so a reload or a new
// sign-in comes back to it), the headline numbers, and the list or timeline of the day's reservations.
import { get, patch, del, useCsrfToken, goToSignIn, ApiError } from "./api.js";
import { t, language, setLanguage, parties, covers } from "./i18n.js";
import { h, clear } from "./dom.js";
import { dayTitle, dateIn, addDays, isDate } from "./format.js";
import { renderList } from "./list.js";
import { renderTimeline } from "./timeline.js";
import { Actions } from "./actions.js";
import { subscribe } from "./live.js";
import { WaitlistPanel } from "./waitlist.js";

const state = {
  session: null,
  organization: null,
  date: null,
  view: "list",
  day: null,
  contacts: new Map(),
  filters: { q: "", status: "", source: "" },
  sort: { key: "time", dir: 1 },
  canEdit: false,
  live: false
};

let loadSequence = 0;
let main;
let actions;
let waitlist;

async function start() {
  setLanguage(language());
  document.title = t("console");
  document.querySelector(".skip-link").textContent = t("skip");
  let session;
  try {
    session = await get("/sessions/current");
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { return; }
    throw e;
  }
  state.session = session;
  useCsrfToken(session.csrf_token);
  state.canEdit = session.role === "admin" || session.role === "staff";
  state.organization = await get("/organizations/" + session.organization_id);
  readAddress();
  main = document.getElementById("main");
  actions = new Actions(state, { reload: load, rerender: renderView, announce: announce, alert: showAlert });
  waitlist = new WaitlistPanel(state, { reload: load, announce: announce, dialog: function (title, content) { return actions.dialog(title, content); } });
  renderHeader();
  renderFrame();
  window.addEventListener("popstate", function () { readAddress(); syncToolbar(); load(); });
  await load();
  subscribe(load, function (on) { state.live = on; renderLiveState(); });
}

/** ?date=yyyy-mm-dd&view=list|timeline; today in the organization's zone by default. */
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const date = params.get("date");
  state.date = isDate(date) ? date : dateIn(new Date(), state.organization.timezone);
  state.view = params.get("view") === "timeline" ? "timeline" : "list";
}

function writeAddress() {
  const params = new URLSearchParams();
  params.set("date", state.date);
  params.set("view", state.view);
  window.history.pushState(null, "", "/console?" + params.toString());
}

function renderHeader() {
  const bar = clear(document.getElementById("bar"));
  const session = state.session;
  let organization;
  if (session.organizations && session.organizations.length > 1) {
    const select = h("select", { id: "org-switch" });
    session.organizations.forEach(function (m) {
      select.appendChild(h("option", { value: m.organization_id }, m.organization_name));
    });
    select.value = session.organization_id;
    select.addEventListener("change", async function () {
      try {
        await patch("/sessions/current", { organization_id: select.value });
        window.location.assign("/console");
      } catch (e) {
        showAlert(t("generic"));
      }
    });
    organization = h("span", { class: "org" }, h("label", { for: "org-switch", class: "visually-hidden" }, t("organization")), select);
  } else {
    organization = h("span", { class: "org", id: "org-name" }, state.organization.name);
  }
  const lang = h("select", { id: "lang" }, h("option", { value: "en" }, "English"), h("option", { value: "es" }, "Español"));
  lang.value = language();
  lang.addEventListener("change", function () { setLanguage(lang.value); window.location.reload(); });
  const signOut = h("button", { type: "button", id: "sign-out", class: "quiet" }, t("signOut"));
  signOut.addEventListener("click", async function () {
    try { await del("/sessions/current"); } catch (e) { /* ended already: sign-in either way */ }
    window.location.assign("/console/sign-in");
  });
  bar.appendChild(h("span", { class: "brand" }, "Reserva"));
  bar.appendChild(organization);
  const nav = h("nav", { "aria-label": t("console") });
  if (session.role === "admin") {
    nav.appendChild(h("a", { href: "/console/settings", id: "settings-link" }, t("settings")));
  }
  bar.appendChild(nav);
  bar.appendChild(h("span", { class: "user", id: "user" },
    t("signedInAs", { name: session.name || session.email, role: t("role_" + session.role) })));
  bar.appendChild(h("span", { class: "lang" }, h("label", { for: "lang", class: "visually-hidden" }, t("language")), lang));
  bar.appendChild(h("span", { id: "live", class: "live", role: "status" }));
  bar.appendChild(signOut);
}

function renderLiveState() {
  const el = document.getElementById("live");
  if (el) {
    el.textContent = state.live ? t("live") : "";
    el.classList.toggle("on", state.live);
  }
}

function renderFrame() {
  clear(main);
  const date = h("input", { type: "date", id: "date", value: state.date });
  date.addEventListener("change", function () {
    if (isDate(date.value)) { go(date.value); }
  });
  const viewSwitch = h("div", { class: "switch", role: "group", "aria-label": t("view") },
    viewButton("list"), viewButton("timeline"));
  const toolbar = h("div", { class: "toolbar" },
    h("div", { class: "day-nav" },
      h("button", { type: "button", id: "prev-day", class: "icon", "aria-label": t("previousDay"),
        onclick: function () { go(addDays(state.date, -1)); } }, "‹"),
      h("label", { for: "date", class: "visually-hidden" }, t("pickDate")), date,
      h("button", { type: "button", id: "next-day", class: "icon", "aria-label": t("nextDay"),
        onclick: function () { go(addDays(state.date, 1)); } }, "›"),
      h("button", { type: "button", id: "today", class: "quiet",
        onclick: function () { go(dateIn(new Date(), state.organization.timezone)); } }, t("today"))),
    viewSwitch,
    state.canEdit ? h("div", { class: "day-actions" },
      h("button", { type: "button", id: "new-reservation", class: "primary",
        onclick: function () { actions.newReservation(); } }, t("newReservation")),
      h("button", { type: "button", id: "walk-in", onclick: function () { actions.walkIn(); } }, t("walkIn"))) : null);
  main.appendChild(h("h1", { id: "day-title", tabindex: "-1" }, dayTitle(state.date)));
  main.appendChild(toolbar);
  if (!state.canEdit) { main.appendChild(h("p", { class: "note", id: "read-only-note" }, t("readOnly"))); }
  main.appendChild(h("section", { id: "headline", class: "headline", "aria-label": t("summary") }));
  main.appendChild(h("div", { id: "alert", class: "alert", role: "alert" }));
  // The day and, beside it, the waitlist (waitlist.js).
  main.appendChild(h("div", { class: "day-body" }, h("div", { id: "view", class: "view" }),
    h("aside", { id: "waitlist", class: "wl-panel", "aria-labelledby": "wl-heading" })));
  waitlist.mount(document.getElementById("waitlist"));
}

function viewButton(view) {
  return h("button", { type: "button", id: "view-" + view, "aria-pressed": String(state.view === view),
    onclick: function () {
      state.view = view;
      writeAddress();
      syncToolbar();
      renderView();
    } }, t(view));
}

function syncToolbar() {
  document.getElementById("date").value = state.date;
  document.getElementById("day-title").textContent = dayTitle(state.date);
  ["list", "timeline"].forEach(function (v) {
    document.getElementById("view-" + v).setAttribute("aria-pressed", String(state.view === v));
  });
}

function go(date) {
  state.date = date;
  writeAddress();
  syncToolbar();
  load();
}

/** Reads the day; an answer to an older request (the day changed meanwhile) is dropped. */
async function load() {
  const mine = ++loadSequence;
  const date = state.date;
  document.getElementById("view").setAttribute("aria-busy", "true");
  waitlist.load();
  try {
    const day = await get("/organizations/" + state.organization.id + "/days/" + date);
    if (mine !== loadSequence) { return; }
    actions.applyWaiting(day);
    state.day = day;
    state.contacts = new Map(day.contacts.map(function (c) { return [c.id, c]; }));
    renderHeadline();
    renderView();
  } catch (e) {
    if (mine === loadSequence && !(e instanceof ApiError && e.status === 401)) { showAlert(t("generic")); }
  } finally {
    if (mine === loadSequence) { document.getElementById("view").removeAttribute("aria-busy"); }
  }
}

function renderHeadline() {
  const c = state.day.counts;
  const el = clear(document.getElementById("headline"));
  [["booked", c.booked], ["seated", c.seated], ["toCome", c.to_come], ["noShows", c.no_show],
    ["cancellations", c.cancelled]].forEach(function (pair) {
    el.appendChild(h("div", { class: "figure", id: "count-" + pair[0] },
      h("span", { class: "figure-label" }, t(pair[0])),
      h("span", { class: "figure-value" }, covers(pair[1].covers)),
      h("span", { class: "figure-sub" }, parties(pair[1].parties))));
  });
}

function renderView() {
  if (!state.day) { return; }
  const view = clear(document.getElementById("view"));
  if (state.view === "timeline") {
    renderTimeline(view, state, actions);
  } else {
    renderList(view, state, actions, renderView);
  }
}

function announce(text) {
  const el = document.getElementById("announce");
  el.textContent = "";
  window.setTimeout(function () { el.textContent = text; }, 50);
}

function showAlert(text) {
  const el = document.getElementById("alert");
  if (el) { el.textContent = text; }
}

start().catch(function (e) {
  if (e instanceof ApiError && e.status === 401) { goToSignIn(); return; }
  const el = document.getElementById("main");
  clear(el).appendChild(h("p", { class: "error", role: "alert" }, t("generic")));
});

