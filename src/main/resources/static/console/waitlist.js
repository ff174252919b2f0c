// The waitlist beside the day (issue 12 §6): the queue at the door with its quoted waits counting down (red once a
// quote is exceeded) and the guests waiting for a later start of the day. Staff seat a party onto a table (drag the
// entry onto a timeline row, or "Seat" and a table by keyboard), call it ("Offer": its table is ready), override a
// quote, remove it (declined by the venue) and add a walk-in to the line. Everything goes through /waitlist-entries
// with the session; the day's live stream (waitlist_entry.* events) makes the console read it again.
import { post, patch, ApiError } from "./api.js";
import { t } from "./i18n.js";
import { h, clear } from "./dom.js";
import { time, hhmm, instantOf, dateIn } from "./format.js";
import { readWaitlist } from "./first-reads.js";

const SEATABLE = ["waiting", "offered", "checked_in"];
const TICK_MS = 15000;
const MINUTE = 60000;

export class WaitlistPanel {
  /**
   * hooks: reload() reads the day again (a seated party is a reservation on it), announce(text) tells screen
   * readers, dialog(title, content) opens the console's one modal dialog.
   */
  constructor(state, hooks) {
    this.state = state;
    this.hooks = hooks;
    this.entries = [];
    this.more = false;
    this.sequence = 0;
    this.dragging = null;
    const self = this;
    window.setInterval(function () { self.tick(); }, TICK_MS);
    // Dropping an entry on a timeline row seats the party at that table. The timeline's own drag handling only
    // reacts to its tiles, so the rows are watched here, from the document.
    document.addEventListener("dragover", function (event) {
      const lane = self.dragging && laneOf(event.target);
      if (lane) { event.preventDefault(); event.dataTransfer.dropEffect = "move"; lane.classList.add("drop"); }
    });
    document.addEventListener("drop", function (event) {
      const lane = self.dragging && laneOf(event.target);
      if (!lane) { return; }
      event.preventDefault();
      lane.classList.remove("drop");
      const entry = self.dragging;
      self.dragging = null;
      self.seat(entry, lane.dataset.resource, null);
    });
  }

  /** Where the panel goes: an element the console placed beside the day. */
  mount(container) {
    this.container = container;
    this.render();
  }

  /**
   * Reads the day's active entries again, or takes the answer of a read already on its way for this date; an
   * answer to an older read (the day changed meanwhile) is dropped.
   */
  async load(early) {
    const mine = ++this.sequence;
    const date = this.state.date;
    try {
      const page = await (early && early.date === date ? early.answer : readWaitlist(date));
      if (mine !== this.sequence) { return; }
      this.entries = page.data;
      this.more = page.total !== null && page.total !== undefined && page.total > page.data.length;
      this.failed = false;
    } catch (e) {
      if (mine !== this.sequence || (e instanceof ApiError && e.status === 401)) { return; }
      this.failed = true;
    }
    // The day is read again quietly (the live stream's first "open", among others), and the waitlist with it: an
    // unchanged answer leaves the panel as it is, so nothing on screen moves for nothing.
    const answer = JSON.stringify([date, this.entries, this.more, this.failed]);
    if (answer === this.answered && this.container && this.container.isConnected) { return; }
    this.answered = answer;
    this.render();
  }

  isToday() {
    return this.state.organization && this.state.date === dateIn(new Date(), this.state.organization.timezone);
  }

  render() {
    if (!this.container) { return; }
    const self = this;
    const focusedId = document.activeElement && this.container.contains(document.activeElement) ? document.activeElement.id : null;
    const panel = clear(this.container);
    panel.appendChild(h("h2", { id: "wl-heading" }, t("wlTitle")));
    if (this.state.canEdit && this.isToday()) {
      panel.appendChild(h("button", { type: "button", id: "wl-add", class: "small",
        onclick: function () { self.addDialog(); } }, t("wlAdd")));
    }
    if (this.failed) { panel.appendChild(h("p", { class: "message", role: "alert" }, t("wlLoadFailed"))); }
    const now = this.entries.filter(function (e) { return e.kind === "now"; })
      .sort(function (a, b) { return (a.position || 0) - (b.position || 0); });
    const later = this.entries.filter(function (e) { return e.kind === "later"; });
    panel.appendChild(h("h3", { id: "wl-now-heading" }, t("wlNow", { n: now.length })));
    panel.appendChild(now.length
      ? h("ol", { class: "wl-list", id: "wl-now", "aria-labelledby": "wl-now-heading" }, now.map(function (e) { return self.item(e); }))
      : h("p", { class: "note" }, t("wlNowEmpty")));
    panel.appendChild(h("h3", { id: "wl-later-heading" }, t("wlLater", { n: later.length })));
    panel.appendChild(later.length
      ? h("ul", { class: "wl-list", id: "wl-later", "aria-labelledby": "wl-later-heading" }, later.map(function (e) { return self.item(e); }))
      : h("p", { class: "note" }, t("wlLaterEmpty")));
    if (this.more) { panel.appendChild(h("p", { class: "note" }, t("wlMore"))); }
    if (this.state.canEdit && now.length) { panel.appendChild(h("p", { class: "hint" }, t("wlDragHint"))); }
    const again = focusedId && document.getElementById(focusedId);
    if (again) { again.focus(); }
  }

  item(entry) {
    const self = this;
    const zone = this.zone();
    const name = entryName(entry);
    const canSeat = this.state.canEdit && entry.kind === "now" && SEATABLE.includes(entry.status);
    const li = h("li", { class: "wl-entry status-" + entry.status, dataset: { entry: entry.id },
      draggable: canSeat ? "true" : null },
    h("div", { class: "wl-line" },
      entry.kind === "now" && entry.position ? h("span", { class: "wl-position" },
        h("span", { class: "visually-hidden" }, t("wlPosition", { n: entry.position })),
        h("span", { "aria-hidden": "true" }, "#" + entry.position)) : null,
      h("span", { class: "wl-name", id: "wl-name-" + entry.id }, t("guestOf", { guest: name, n: entry.party_size }))),
    h("div", { class: "wl-meta" }, this.meta(entry, zone)),
    entry.notes ? h("div", { class: "wl-notes" }, entry.notes) : null);
    if (this.state.canEdit) {
      const buttons = h("div", { class: "wl-buttons" });
      if (canSeat) {
        buttons.appendChild(h("button", { type: "button", class: "small primary", id: "wl-seat-" + entry.id,
          "aria-label": t("wlSeatWho", { guest: name }), onclick: function () { self.seatDialog(entry); } }, t("to_seated")));
      }
      if (entry.kind === "now" && entry.status === "waiting") {
        buttons.appendChild(h("button", { type: "button", class: "small", id: "wl-offer-" + entry.id,
          "aria-label": t("wlOfferWho", { guest: name }), onclick: function () { self.change(entry, { status: "offered" }, t("wlOffered", { guest: name })); } }, t("wlOffer")));
      }
      if (entry.kind === "now" && entry.status === "offered") {
        buttons.appendChild(h("button", { type: "button", class: "small", id: "wl-unoffer-" + entry.id,
          "aria-label": t("wlUnofferWho", { guest: name }), onclick: function () { self.change(entry, { status: "waiting" }, t("wlUnoffered", { guest: name })); } }, t("wlUnoffer")));
      }
      if (entry.kind === "now") {
        buttons.appendChild(h("button", { type: "button", class: "small", id: "wl-quote-" + entry.id,
          "aria-label": t("wlQuoteWho", { guest: name }), onclick: function () { self.quoteDialog(entry); } }, t("wlQuote")));
      }
      buttons.appendChild(h("button", { type: "button", class: "small", id: "wl-remove-" + entry.id,
        "aria-label": t("wlRemoveWho", { guest: name }), onclick: function () { self.removeDialog(entry); } }, t("wlRemove")));
      li.appendChild(buttons);
    }
    li.addEventListener("dragstart", function (event) {
      event.dataTransfer.setData("text/plain", "waitlist-entry:" + entry.id);
      event.dataTransfer.effectAllowed = "move";
      self.dragging = entry;
    });
    li.addEventListener("dragend", function () {
      self.dragging = null;
      document.querySelectorAll(".tl-lane.drop").forEach(function (lane) { lane.classList.remove("drop"); });
    });
    return li;
  }

  /** What the host needs at a glance: the quote and how it stands against the clock, or the window wanted. */
  meta(entry, zone) {
    const parts = [];
    if (entry.status === "offered" && entry.kind === "now") {
      parts.push(h("span", { class: "wl-state" }, t("wlCalledAt", { time: time(entry.offered_at, zone) })));
    } else if (entry.status === "offered") {
      parts.push(h("span", { class: "wl-state" }, t("wlOfferHeld", { time: time(entry.offer_start, zone), until: time(entry.offer_expires_at, zone) })));
    } else if (entry.status === "checked_in") {
      parts.push(h("span", { class: "wl-state" }, t("wlCheckedIn")));
    }
    if (entry.kind === "now" && entry.status !== "offered") {
      if (entry.estimated_seat_from && entry.estimated_seat_to) {
        parts.push(h("span", { class: "wl-quote" }, t(entry.quote_overridden ? "wlQuoteStaff" : "wlQuoteRange",
          { from: time(entry.estimated_seat_from, zone), to: time(entry.estimated_seat_to, zone) })));
        const countdown = h("span", { class: "wl-countdown", dataset: { from: entry.estimated_seat_from, to: entry.estimated_seat_to } });
        paintCountdown(countdown, Date.now());
        parts.push(countdown);
      } else {
        parts.push(h("span", { class: "wl-quote" }, t("wlNoQuote")));
      }
    }
    if (entry.kind === "later" && entry.window_start) {
      parts.push(h("span", null, t("wlWindow", { from: entry.window_start, to: entry.window_end })));
    }
    return parts;
  }

  /** The countdowns follow the clock without reading the queue again (the quotes change only with the floor). */
  tick() {
    if (!this.container) { return; }
    const now = Date.now();
    this.container.querySelectorAll(".wl-countdown").forEach(function (el) { paintCountdown(el, now); });
  }

  zone() {
    return (this.state.day && this.state.day.timezone) || this.state.organization.timezone;
  }

  // ---- actions ----

  async change(entry, body, done) {
    try {
      await patch("/waitlist-entries/" + entry.id, body);
      this.hooks.announce(done);
    } catch (e) {
      this.problem(e);
    }
    await this.load();
  }

  /** Seats the party: a reservation on the table chosen (any free one that fits when none is). */
  async seat(entry, resourceId, dialog, error) {
    const body = resourceId ? { assigned_resources: [resourceId] } : {};
    try {
      await post("/waitlist-entries/" + entry.id + "/seat", body);
      if (dialog) { dialog.close(); }
      this.hooks.announce(t("wlSeated", { guest: entryName(entry) }));
      this.hooks.reload();
    } catch (e) {
      if (error && e instanceof ApiError && (e.status === 409 || e.status === 422)) {
        error.textContent = t("conflict", { reason: e.message });
        return;
      }
      if (dialog) { dialog.close(); }
      this.problem(e);
      this.load();
    }
  }

  seatDialog(entry) {
    const self = this;
    const tables = (this.state.day ? this.state.day.resources : [])
      .filter(function (x) { return x.is_active && (!x.capacity || x.capacity >= entry.party_size); });
    const table = h("select", { id: "wl-seat-table" },
      h("option", { value: "" }, t("wlAnyTable")),
      tables.map(function (x) { return h("option", { value: x.id }, x.name + (x.capacity ? " · " + x.capacity : "")); }));
    const error = h("p", { class: "message", role: "alert", id: "wl-seat-error" });
    const form = h("form", { class: "stack" }, error,
      h("label", { for: "wl-seat-table" }, t("walkInTable")), table,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "wl-seat-save" }, t("seatNow"))));
    const dialog = this.hooks.dialog(t("wlSeatWho", { guest: entryName(entry) }), form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.seat(entry, table.value || null, dialog, error);
    });
    table.focus();
  }

  quoteDialog(entry) {
    const self = this;
    const zone = this.zone();
    const date = entry.date || this.state.date;
    const from = h("input", { type: "time", id: "wl-quote-from", required: true,
      value: entry.estimated_seat_from ? hhmm(entry.estimated_seat_from, zone) : "" });
    const to = h("input", { type: "time", id: "wl-quote-to", required: true,
      value: entry.estimated_seat_to ? hhmm(entry.estimated_seat_to, zone) : "" });
    const error = h("p", { class: "message", role: "alert", id: "wl-quote-error" });
    const reset = h("button", { type: "button", id: "wl-quote-reset", disabled: !entry.quote_overridden }, t("wlQuoteReset"));
    const form = h("form", { class: "stack" }, error,
      h("p", { class: "note" }, t("wlQuoteHelp")),
      h("label", { for: "wl-quote-from" }, t("wlQuoteFrom")), from,
      h("label", { for: "wl-quote-to" }, t("wlQuoteTo")), to,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "wl-quote-save" }, t("save")), reset));
    const dialog = this.hooks.dialog(t("wlQuoteWho", { guest: entryName(entry) }), form);
    const send = async function (body) {
      try {
        await patch("/waitlist-entries/" + entry.id, body);
        dialog.close();
        self.hooks.announce(t("saved"));
        self.load();
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
          error.textContent = t("conflict", { reason: detail(e) });
          return;
        }
        dialog.close();
        self.problem(e);
      }
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!from.value || !to.value) { error.textContent = t("requiredField"); return; }
      send({ estimated_seat_from: instantOf(date, from.value, zone), estimated_seat_to: instantOf(date, to.value, zone) });
    });
    reset.addEventListener("click", function () { send({ estimated_seat_from: null, estimated_seat_to: null }); });
    from.focus();
  }

  removeDialog(entry) {
    const self = this;
    const name = entryName(entry);
    const yes = h("button", { type: "button", class: "danger", id: "wl-remove-confirm" }, t("wlRemove"));
    const no = h("button", { type: "button", id: "wl-remove-keep" }, t("wlKeep"));
    const body = h("div", { class: "stack" }, h("p", null, t("wlRemoveText", { guest: name })), h("div", { class: "buttons" }, yes, no));
    const dialog = this.hooks.dialog(t("wlRemoveWho", { guest: name }), body);
    yes.addEventListener("click", function () {
      dialog.close();
      self.change(entry, { status: "declined_by_merchant" }, t("wlRemoved", { guest: name }));
    });
    no.addEventListener("click", function () { dialog.close(); });
    no.focus();
  }

  /** A walk-in joins the line at the door: its quote comes from the floor, like any other party's. */
  addDialog() {
    const self = this;
    const services = (this.state.day ? this.state.day.services : []).filter(function (s) { return s.is_active; });
    const service = h("select", { id: "wl-add-service" }, services.map(function (s) { return h("option", { value: s.id }, s.name); }));
    const party = h("input", { type: "number", id: "wl-add-party", min: "1", max: "1000", value: "2", required: true });
    const first = h("input", { type: "text", id: "wl-add-first-name", autocomplete: "off", required: true });
    const phone = h("input", { type: "tel", id: "wl-add-phone", autocomplete: "off", required: true });
    const notes = h("textarea", { id: "wl-add-notes" });
    const error = h("p", { class: "message", role: "alert", id: "wl-add-error" });
    const form = h("form", { class: "stack", novalidate: true }, error,
      h("label", { for: "wl-add-party" }, t("partySize")), party,
      h("label", { for: "wl-add-service" }, t("service")), service,
      h("label", { for: "wl-add-first-name" }, t("firstName")), first,
      h("label", { for: "wl-add-phone" }, t("phone")), phone,
      h("p", { class: "hint", id: "wl-add-phone-hint" }, t("wlPhoneHint")),
      h("label", { for: "wl-add-notes" }, t("internalNotes"), " (", t("optional"), ")"), notes,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "wl-add-save" }, t("wlAddSave"))));
    phone.setAttribute("aria-describedby", "wl-add-phone-hint");
    const dialog = this.hooks.dialog(t("wlAdd"), form);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      // A guest on the list is a contact, which needs a name and a way to reach them.
      const missing = [first, phone].find(function (input) { return !input.value.trim(); });
      if (missing) { error.textContent = t("requiredField"); missing.focus(); return; }
      const contact = { first_name: first.value.trim(), phone: phone.value.trim() };
      const body = { kind: "now", source: "walk_in", service_id: service.value, party_size: Number(party.value), contact: contact };
      if (notes.value.trim()) { body.notes = notes.value.trim(); }
      try {
        const saved = await post("/waitlist-entries", body);
        dialog.close();
        self.hooks.announce(t("wlAdded", { n: saved.party_size, position: saved.position }));
        self.load();
      } catch (e) {
        if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
          error.textContent = t("conflict", { reason: detail(e) });
          return;
        }
        dialog.close();
        self.problem(e);
      }
    });
    party.focus();
  }

  problem(e) {
    if (e instanceof ApiError && e.status === 401) { return; }
    const text = e instanceof ApiError && e.status === 403 ? t("forbidden")
      : e instanceof ApiError && (e.status === 404 || e.status === 409 || e.status === 412) ? t("conflict", { reason: detail(e) })
        : t("generic");
    const alert = document.getElementById("alert");
    if (alert) { alert.textContent = text; }
  }
}

/** "in 12 min" before the quote, "due now" within it, "12 min over" (red) once it has passed. */
function paintCountdown(el, now) {
  const from = Date.parse(el.dataset.from);
  const to = Date.parse(el.dataset.to);
  let text;
  if (now < from) {
    text = t("wlIn", { n: Math.ceil((from - now) / MINUTE) });
  } else if (now <= to) {
    text = t("wlDue");
  } else {
    text = t("wlOver", { n: Math.max(1, Math.floor((now - to) / MINUTE)) });
  }
  el.textContent = text;
  el.classList.toggle("late", now > to);
  const item = el.closest(".wl-entry");
  if (item) { item.classList.toggle("late", now > to); }
}

function laneOf(target) {
  const lane = target && target.closest ? target.closest(".tl-lane[data-resource]") : null;
  return lane && lane.dataset.resource ? lane : null;
}

function entryName(entry) {
  const c = entry.contact;
  const name = c ? [c.first_name, c.last_name].filter(Boolean).join(" ") : "";
  return name || t("noName");
}

/** The server's reason, with the fields it names. */
function detail(e) {
  const errors = (e.problem && e.problem.errors) || [];
  const fields = errors.map(function (x) { return x.field + ": " + x.message; });
  return [e.message].concat(fields).join(" — ");
}
