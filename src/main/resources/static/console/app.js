// The console: who is signed in, the day shown (its date and layout in the address, so a reload or a new
// sign-in comes back to it), the headline numbers, and the list or timeline of the day's reservations. The day is
// read once; live events then change the reservation they carry in it (see applyReservation).
import { get, patch, del, useCsrfToken, goToSignIn, ApiError } from "./api.js";
import { t, language, setLanguage, parties, covers } from "./i18n.js";
import { h, clear } from "./dom.js";
import { dayTitle, dateIn, addDays, isDate } from "./format.js";
import { renderList } from "./list.js";
import { renderTimeline } from "./timeline.js";
import { Actions, undoMs } from "./actions.js";
import { subscribe } from "./live.js";
import { ownResources } from "./own-column.js";
import { countsOf, TIMELINE_STATUSES } from "./reservations.js";
import { WaitlistPanel } from "./waitlist.js";
import { firstReads, dayPath, rememberOrganization } from "./first-reads.js";

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
/** Events heard while a read of the day is on its way: applied again on top of its answer. */
const heardDuringLoad = new Set();
let renderTimer = null;
/** Reads of the day shown as busy that are on their way; a quiet read waits for them instead of dropping them. */
let loading = 0;
let quietWaiting = false;
let waitlist;

async function start() {
  setLanguage(language());
  document.title = t("console");
  document.querySelector(".skip-link").textContent = t("skip");
  const reads = firstReads();
  const guess = reads.guess;
  // A browser that showed a day before opens the stream at once, with the session cookie (see openStream);
  // one that did not waits for the session, so a first visit without one is not refused twice.
  if (guess) { openStream(); }
  let session;
  try {
    session = await reads.session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { return; }
    throw e;
  }
  state.session = session;
  useCsrfToken(session.csrf_token);
  state.canEdit = session.role === "admin" || session.role === "staff";
  if (!guess) { openStream(); }
  const right = guess && guess.organizationId === session.organization_id;
  // With the date in the address, the day is asked for together with the organization, not after it.
  const asked = new URLSearchParams(window.location.search).get("date");
  const early = right ? guess.day : isDate(asked) ? { date: asked, answer: get(dayPath(session.organization_id, asked)) } : null;
  if (early) { early.answer.catch(function () { /* answered through load() below */ }); }
  state.organization = await (right ? guess.organization : get("/organizations/" + session.organization_id));
  rememberOrganization(state.organization);
  readAddress();
  main = document.getElementById("main");
  actions = new Actions(
    state, { reload: load, rerender: renderView, announce: announce, alert: showAlert }, undoMs(document.body));
  waitlist = new WaitlistPanel(state, { reload: load, announce: announce, dialog: function (title, content) { return actions.dialog(title, content); } });
  renderHeader();
  renderFrame();
  window.addEventListener("popstate", function () { readAddress(); syncToolbar(); load(); });
  await load(early && state.date === early.date
    ? { answer: early.answer, waitlist: right ? guess.waitlist : null } : null);
}

/**
 * Subscribes to the live stream. Its first "open" reads the day again (quietly, after the first read; see
 * reloadQuietly), since a change committed before the stream started would otherwise never be heard. Opened
 * early, while the session and the day are read: opened after the day was drawn, its "open" waited behind the
 * drawing, and its "Live" mark changed the screen after the day.
 */
function openStream() {
  subscribe({
    reservation: applyReservation,
    contact: applyContact,
    waitlist: function () { if (waitlist) { waitlist.load(); } },
    reload: reloadQuietly
  }, function (on) {
    if (on && !state.live) { performance.mark("reserva:live"); }
    state.live = on;
    renderLiveState();
  });
}

function reloadQuietly() {
  // Before the first read of the day has an answer there is nothing to read again yet: it follows that read.
  if (loading || !state.day) { quietWaiting = true; return; }
  load({ quiet: true });
}

/** ?date=yyyy-mm-dd&view=list|timeline; today in the organization's zone by default. */
function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const date = params.get("date");
  state.date = isDate(date) ? date : dateIn(new Date(), state.organization.timezone);
  state.view = params.get("view") === "timeline" ? "timeline" : "list";
  state.viewChosen = params.has("view");
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
  renderLiveState();
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

/**
 * Reads the day; an answer to an older request (the day changed meanwhile) is dropped. Live events heard while
 * the read was on its way are applied again on top of its answer (it may predate them). Quiet (the stream's
 * start or reset): nothing is marked busy, and the page is not redrawn when the day is the same as last read.
 */
async function load(options) {
  const quiet = options && options.quiet;
  const mine = ++loadSequence;
  const date = state.date;
  const heard = [];
  heardDuringLoad.add(heard);
  if (!quiet) {
    loading++;
    document.getElementById("view").setAttribute("aria-busy", "true");
  }
  const waitlistRead = waitlist.load(options && options.waitlist);
  try {
    const day = await (options && options.answer ? options.answer : get(dayPath(state.organization.id, date)));
    // The day and the waitlist beside it appear together: drawn one after the other, the screen would change
    // twice (the waitlist's answer, handled while the timeline was drawn, came last). Its read catches its own
    // errors.
    if (!quiet) { await waitlistRead; }
    if (mine !== loadSequence) { return; }
    const text = JSON.stringify(day);
    if (quiet && text === state.dayText && !heard.length) { return; }
    state.dayText = text;
    actions.applyWaiting(day);
    state.day = day;
    if (!state.viewChosen && ownResources(state).length) {
      // A person with a column of their own opens on it (the timeline), unless the address chose a layout.
      state.view = "timeline";
      state.viewChosen = true;
      window.history.replaceState(null, "", "/console?" + new URLSearchParams({ date: state.date, view: state.view }));
      syncToolbar();
    }
    state.contacts = new Map(day.contacts.map(function (c) { return [c.id, c]; }));
    heard.forEach(function (event) { event(); });
    clearTimeout(renderTimer);
    renderHeadline();
    renderView();
  } catch (e) {
    if (mine === loadSequence && !(e instanceof ApiError && e.status === 401)) { showAlert(t("generic")); }
  } finally {
    heardDuringLoad.delete(heard);
    if (mine === loadSequence) { document.getElementById("view").removeAttribute("aria-busy"); }
    if (!quiet) { loading--; }
    if (!loading && quietWaiting) {
      quietWaiting = false;
      load({ quiet: true });
    }
  }
}

/** Runs a live event's change now, and again on the answer of any read of the day still on its way. */
function hear(change) {
  heardDuringLoad.forEach(function (heard) { heard.push(change); });
  if (state.day) { change(); }
}

/**
 * A reservation as an event carries it (the whole object, after the change): put in the day if it starts on it,
 * among the ones continuing into it if it started before and still holds its place, else taken out (moved to
 * another day). Counts follow. One that falls outside the timeline's hours makes the day be read again.
 */
function applyReservation(data) {
  hear(function () {
    const day = state.day;
    const r = Object.assign({}, data, { assigned_resources: distinctResources(data.assigned_resources) });
    const start = Date.parse(r.start_datetime);
    const end = Date.parse(r.end_datetime);
    const dayStart = Date.parse(day.starts_at);
    const others = function (x) { return x.id !== r.id; };
    day.reservations = day.reservations.filter(others);
    day.continuing = (day.continuing || []).filter(others);
    let outside = false;
    if (start >= dayStart && start < Date.parse(day.ends_at)) {
      insertInOrder(day.reservations, r);
      outside = TIMELINE_STATUSES.includes(r.status)
        && (start < Date.parse(day.timeline_from) || end > Date.parse(day.timeline_until));
    } else if (start < dayStart && end > dayStart && TIMELINE_STATUSES.includes(r.status)) {
      insertInOrder(day.continuing, r);
      outside = Date.parse(day.timeline_from) > dayStart || end > Date.parse(day.timeline_until);
    }
    actions.applyWaiting({ reservations: [r] });
    day.counts = countsOf(day.reservations);
    if (r.contact_id && !state.contacts.has(r.contact_id)) { readContact(r.contact_id); }
    if (outside) { reloadQuietly(); }
    scheduleRender();
  });
}

/** A guest's changed tags or name, where the day shows them. */
function applyContact(contact) {
  hear(function () {
    const day = state.day;
    if (state.contacts.has(contact.id)) { state.contacts.set(contact.id, { id: contact.id, tags: contact.tags || [] }); }
    day.reservations.concat(day.continuing || []).forEach(function (r) {
      if (r.contact_id === contact.id) {
        r.contact = { id: contact.id, first_name: contact.first_name, last_name: contact.last_name,
          email: contact.email, phone: contact.phone };
      }
    });
    scheduleRender();
  });
}

/** The tags of a guest new to the day. */
async function readContact(id) {
  state.contacts.set(id, { id: id, tags: [] });
  try {
    const contact = await get("/contacts/" + id);
    state.contacts.set(id, { id: id, tags: contact.tags || [] });
    scheduleRender();
  } catch (e) {
    /* gone meanwhile, or no longer ours: shown without tags */
  }
}

function distinctResources(assigned) {
  const seen = new Set();
  return (assigned || []).filter(function (a) {
    if (seen.has(a.resource_id)) { return false; }
    seen.add(a.resource_id);
    return true;
  }).map(function (a) { return { resource_id: a.resource_id, name: a.name }; });
}

function insertInOrder(list, r) {
  const start = Date.parse(r.start_datetime);
  let i = list.length;
  while (i > 0) {
    const before = list[i - 1];
    const at = Date.parse(before.start_datetime);
    if (at < start || (at === start && before.id < r.id)) { break; }
    i--;
  }
  list.splice(i, 0, r);
}

/** Events of one change arrive together: they are drawn once. */
function scheduleRender() {
  clearTimeout(renderTimer);
  renderTimer = setTimeout(function () {
    if (!state.day) { return; }
    renderHeadline();
    renderView();
  }, 0);
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
  // A row being booked by keyboard keeps its focus and cursor through a redraw (a live change, say).
  const focused = document.activeElement;
  const row = focused && focused.classList && focused.classList.contains("tl-lane") && focused.cursor
    ? { resource: focused.dataset.resource, cursor: focused.cursor } : null;
  const view = clear(document.getElementById("view"));
  if (state.view === "timeline") {
    renderTimeline(view, state, actions);
    const again = row && Array.from(view.querySelectorAll(".tl-lane[tabindex]")).find(function (el) {
      return el.dataset.resource === row.resource;
    });
    if (again) {
      again.cursor = row.cursor;
      again.focus({ preventScroll: true });
    }
  } else {
    renderList(view, state, actions, renderView);
  }
  performance.mark("reserva:day-drawn");
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

