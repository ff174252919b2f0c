// Everything staff do to the day, through the public API: status moves (with a moment to undo), moves by drag
// or by keyboard, new bookings through the engine's slots (or a marked staff override), walk-ins, edits and
// the guest card. A 409 or 412 means the console was stale: it says why and redraws the day.
import { get, post, patch, ApiError } from "./api.js";
import { t } from "./i18n.js";
import { h, clear, uid } from "./dom.js";
import { time, hhmm, instantOf, shortDate } from "./format.js";
import { guestName, resourceNames, NEXT, OCCUPYING } from "./reservations.js";
import { customFieldsOf, CustomFieldsForm, displayValue, otherErrors } from "./custom-fields.js";

/**
 * How long a status move waits before it is sent, unless the page says otherwise (the server's
 * reserva.console.undo-grace, on the body as data-undo-ms). The status machine has no way back from seated,
 * completed, no-show or cancelled, so "undo" means: not sent yet. Closing the page sends what is waiting.
 */
export const UNDO_MS = 5000;

/** The grace period the page was served with; the default for a page without one. */
export function undoMs(body) {
  const ms = Number(body.dataset.undoMs);
  return Number.isFinite(ms) && ms >= 1000 ? ms : UNDO_MS;
}

export class Actions {
  constructor(state, hooks, undo) {
    this.state = state;
    this.hooks = hooks;
    this.undoMs = undo;
    this.waiting = new Map();
    const self = this;
    window.addEventListener("pagehide", function () { self.flush(true); });
  }

  zone() { return this.state.day.timezone; }

  // ---- status moves, with undo ----

  transition(r, next) {
    if (next === "cancelled") { this.cancelDialog(r); return; }
    this.schedule(r, { status: next });
  }

  async schedule(r, body) {
    const self = this;
    const key = r.id;
    if (this.waiting.has(key)) {
      // A second move of the same reservation: the first one is meant, so it goes now, then this one waits.
      clearTimeout(this.waiting.get(key).timer);
      await this.send(key, false, true);
    }
    const previous = r.status;
    const entry = { reservation: r, body: body, timer: null };
    entry.timer = setTimeout(function () { self.send(key); }, this.undoMs);
    this.waiting.set(key, entry);
    r.status = body.status;
    r.pending = true;
    this.toast(key, t("done_" + body.status, { guest: guestName(r) }), function () {
      clearTimeout(entry.timer);
      self.waiting.delete(key);
      r.status = previous;
      r.pending = false;
      self.hooks.announce(t("undone", { guest: guestName(r), status: t("status_" + previous).toLowerCase() }));
      self.hooks.reload();
    });
    this.hooks.rerender();
  }

  async send(key, keepalive, quietly) {
    const entry = this.waiting.get(key);
    if (!entry) { return; }
    this.waiting.delete(key);
    if (this.toastKey === key) { this.dismissToast(); }
    try {
      await patch("/reservations/" + key, entry.body, { keepalive: keepalive === true });
    } catch (e) {
      this.failed(e);
    }
    if (!keepalive && !quietly) { this.hooks.reload(); }
  }

  /** A day read while a move waits for its undo window still shows the move. */
  applyWaiting(day) {
    day.reservations.forEach((r) => {
      const entry = this.waiting.get(r.id);
      if (entry) {
        entry.reservation = r;
        r.status = entry.body.status;
        r.pending = true;
      }
    });
  }

  flush(keepalive) {
    Array.from(this.waiting.keys()).forEach((key) => {
      clearTimeout(this.waiting.get(key).timer);
      this.send(key, keepalive);
    });
  }

  /** One toast at a time, for the latest move; a move sent later does not take another's toast away. */
  toast(key, text, undo) {
    this.dismissToast();
    this.toastKey = key;
    const button = h("button", { type: "button", id: "undo", class: "small" }, t("undo"));
    const el = h("div", { class: "toast", id: "toast" }, h("span", { role: "status" }, text), " ", button);
    const self = this;
    button.addEventListener("click", function () { self.dismissToast(); undo(); });
    document.body.appendChild(el);
    this.toastTimer = setTimeout(function () { self.dismissToast(); }, this.undoMs);
  }

  dismissToast() {
    this.toastKey = null;
    clearTimeout(this.toastTimer);
    const el = document.getElementById("toast");
    if (el) { el.remove(); }
  }

  /** What a refused change tells staff; a stale console (409, 412, 404) is redrawn. */
  failed(e) {
    if (!(e instanceof ApiError)) { this.hooks.alert(t("generic")); return; }
    if (e.status === 401) { return; }
    if (e.status === 403) { this.hooks.alert(t("forbidden")); return; }
    if (e.status === 404) { this.hooks.alert(t("notFound")); this.hooks.reload(); return; }
    if (e.status === 409 || e.status === 412) {
      this.hooks.alert(t("conflict", { reason: e.message }));
      this.hooks.reload();
      return;
    }
    this.hooks.alert(e.status === 422 ? t("fixErrors") + " " + e.message : t("generic"));
  }

  cancelDialog(r) {
    const self = this;
    const reason = h("textarea", { id: "cancel-reason", rows: "2", maxlength: "500" });
    const form = h("form", { class: "stack" },
      h("label", { for: "cancel-reason" }, t("cancelReason"), " (", t("optional"), ")"), reason,
      h("div", { class: "buttons" },
        h("button", { type: "submit", class: "danger", id: "confirm-cancel" }, t("confirmCancel"))));
    const dialog = this.dialog(t("to_cancelled") + ": " + guestName(r), form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      dialog.close();
      const body = { status: "cancelled" };
      if (reason.value.trim()) { body.cancellation_reason = reason.value.trim(); }
      self.schedule(r, body);
    });
    reason.focus();
  }

  // ---- moves ----

  /** A drag's drop (or the keyboard's Move): the tile shows at its new place at once and returns on a refusal. */
  async move(r, start, resourceId) {
    const state = this.state;
    const before = { start: r.start_datetime, end: r.end_datetime, resources: r.assigned_resources };
    const length = Date.parse(r.end_datetime) - Date.parse(r.start_datetime);
    const body = { start_datetime: start };
    if (resourceId) {
      // Placing a party by hand is the staff's decision, not the engine's: exactly that table.
      body.assigned_resources = [resourceId];
      body.override = true;
      const target = state.day.resources.find(function (x) { return x.id === resourceId; });
      r.assigned_resources = [{ resource_id: resourceId, name: target ? target.name : "" }];
    }
    r.start_datetime = start;
    r.end_datetime = new Date(Date.parse(start) + length).toISOString();
    this.hooks.rerender();
    try {
      const saved = await patch("/reservations/" + r.id, body);
      this.hooks.announce(t("moved", { guest: guestName(saved), time: time(saved.start_datetime, this.zone()) }));
      this.hooks.alert("");
    } catch (e) {
      r.start_datetime = before.start;
      r.end_datetime = before.end;
      r.assigned_resources = before.resources;
      this.hooks.rerender();
      if (e instanceof ApiError && e.status === 409) {
        // The place is taken (or the reservation changed meanwhile): the tile is back, the day read again.
        this.hooks.alert(t("conflict", { reason: e.message }));
        this.hooks.reload();
        return;
      }
      this.failed(e);
      return;
    }
    this.hooks.reload();
  }

  moveDialog(r) {
    const self = this;
    const zone = this.zone();
    const timeInput = h("input", { type: "time", id: "move-time", step: "900", value: hhmm(r.start_datetime, zone), required: true });
    const resource = h("select", { id: "move-resource" }, h("option", { value: "" }, t("anyResource")),
      this.state.day.resources.filter(function (x) { return x.is_active; }).map(function (x) {
        return h("option", { value: x.id }, x.name);
      }));
    const current = (r.assigned_resources || [])[0];
    resource.value = current ? current.resource_id : "";
    const form = h("form", { class: "stack" },
      h("label", { for: "move-time" }, t("startTime")), timeInput,
      h("label", { for: "move-resource" }, t("resource")), resource,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "move-save" }, t("move"))));
    const dialog = this.dialog(t("moveTitle", { guest: guestName(r) }), form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!timeInput.value) { timeInput.focus(); return; }
      dialog.close();
      self.move(r, instantOf(self.state.day.date, timeInput.value, zone), resource.value || null);
    });
    timeInput.focus();
  }

  // ---- one reservation ----

  /**
   * The day holds reservations in a short form without their custom fields: those are read from the reservation
   * itself when its dialog opens.
   */
  async openReservation(summary) {
    let r;
    try {
      const full = await get("/reservations/" + summary.id);
      r = Object.assign({}, summary, { custom_fields_by_key: full.custom_fields_by_key });
    } catch (e) {
      this.failed(e);
      return;
    }
    const self = this;
    const state = this.state;
    const zone = this.zone();
    const service = state.day.services.find(function (s) { return s.id === r.service_id; });
    const person = r.contact || r.guest_details || {};
    const facts = h("dl", { class: "facts" },
      fact(t("when"), time(r.start_datetime, zone) + "–" + time(r.end_datetime, zone)),
      fact(t("partySize"), String(r.party_size)),
      fact(t("service"), service ? service.name : ""),
      fact(t("resources"), resourceNames(r) || t("unassigned")),
      fact(t("status"), t("status_" + r.status) + (r.is_override ? " · " + t("override") : "")),
      fact(t("source"), t("source_" + r.source)),
      fact(t("code"), r.confirmation_code || ""),
      person.phone ? fact(t("phone"), person.phone) : null,
      person.email ? fact(t("email"), person.email) : null,
      r.customer_notes ? fact(t("customerNotes"), r.customer_notes) : null,
      r.internal_notes ? fact(t("internalNotes"), r.internal_notes) : null);
    const body = h("div", { class: "stack" }, facts);
    appendCustomFacts(facts, "reservation", r.custom_fields_by_key);
    let dialog;
    if (state.canEdit) {
      body.appendChild(h("div", { class: "buttons transitions" }, NEXT[r.status].map(function (next) {
        return h("button", { type: "button", class: "to-" + next, dataset: { to: next },
          onclick: function () { dialog.close(); self.transition(r, next); } }, t("to_" + next));
      })));
      body.appendChild(h("div", { class: "buttons" },
        h("button", { type: "button", id: "edit-reservation", onclick: function () { dialog.close(); self.editDialog(r); } }, t("edit")),
        OCCUPYING.includes(r.status) ? h("button", { type: "button", id: "move-reservation",
          onclick: function () { dialog.close(); self.moveDialog(r); } }, t("move")) : null));
    }
    if (r.contact_id) {
      body.appendChild(h("button", { type: "button", class: "link", id: "open-guest-card",
        onclick: function () { dialog.close(); self.guestCard(r.contact_id); } }, t("guestCard")));
    }
    dialog = this.dialog(guestName(r), body);
    const first = dialog.querySelector(".transitions button, #open-guest-card, .dialog-close");
    if (first) { first.focus(); }
  }

  async editDialog(r) {
    const self = this;
    const custom = new CustomFieldsForm("edit", await customFieldsOf("reservation"), r.custom_fields_by_key);
    const state = this.state;
    const party = h("input", { type: "number", id: "edit-party", min: "1", max: "1000", value: String(r.party_size), required: true });
    const service = h("select", { id: "edit-service" }, state.day.services.map(function (s) {
      return h("option", { value: s.id }, s.name);
    }));
    service.value = r.service_id;
    const notes = h("textarea", { id: "edit-notes", rows: "2", maxlength: "5000" });
    notes.value = r.internal_notes || "";
    const contact = r.contact_id ? state.contacts.get(r.contact_id) : null;
    const tags = h("input", { type: "text", id: "edit-tags", value: contact ? (contact.tags || []).join(", ") : "",
      "aria-describedby": "edit-tags-hint" });
    const error = h("p", { class: "message", role: "alert", id: "edit-error" });
    const form = h("form", { class: "stack" }, error,
      h("label", { for: "edit-party" }, t("partySize")), party,
      h("label", { for: "edit-service" }, t("service")), service,
      h("label", { for: "edit-notes" }, t("internalNotes")), notes,
      contact ? [h("label", { for: "edit-tags" }, t("tags")), tags, h("small", { id: "edit-tags-hint" }, t("tagsHint"))] : null,
      custom.element,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "edit-save" }, t("save"))));
    const dialog = this.dialog(t("edit") + ": " + guestName(r), form);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const changes = {};
      if (Number(party.value) !== r.party_size) { changes.party_size = Number(party.value); }
      if (service.value !== r.service_id) { changes.service_id = service.value; }
      if ((notes.value.trim() || null) !== (r.internal_notes || null)) { changes.internal_notes = notes.value.trim() || null; }
      const customChanges = custom.changes();
      if (Object.keys(customChanges).length) { changes.custom_fields_by_key = customChanges; }
      error.textContent = "";
      custom.clearErrors();
      try {
        if (Object.keys(changes).length) {
          const saved = await patch("/reservations/" + r.id, changes);
          // Saved: a refusal of the guest's tags below must not send these changes again.
          Object.assign(r, saved);
          custom.values = saved.custom_fields_by_key || {};
        }
        if (contact) {
          const newTags = splitTags(tags.value);
          if (newTags.join(",") !== (contact.tags || []).join(",")) {
            await patch("/contacts/" + contact.id, { tags: newTags });
          }
        }
        dialog.close();
        self.hooks.announce(t("saved"));
        self.hooks.reload();
      } catch (e) {
        if (e instanceof ApiError && (e.status === 422 || e.status === 409)) {
          error.textContent = e.status === 422 && custom.showErrors(e.problem)
            ? t("fixErrors") : t("conflict", { reason: e.message });
          if (e.status === 409) { self.hooks.reload(); }
          return;
        }
        dialog.close();
        self.failed(e);
      }
    });
    party.focus();
  }

  // ---- new bookings ----

  /**
   * {@code picked}, from the timeline: {start, resourceId, minutes}, time picked on a row by hand. It opens as a
   * staff override at that time on that resource (as a tile dragged there is), the service whose length is nearest
   * the minutes picked preselected; unchecking the override goes back to the engine's times.
   */
  async newReservation(picked) {
    const self = this;
    const state = this.state;
    const zone = this.zone();
    // Against no stored values, the form's changes are what was filled in.
    const custom = new CustomFieldsForm("new", await customFieldsOf("reservation"), {});
    const services = state.day.services.filter(function (s) { return s.is_active; });
    const service = h("select", { id: "new-service", required: true }, services.map(function (s) {
      return h("option", { value: s.id }, s.name);
    }));
    const party = h("input", { type: "number", id: "new-party", min: "1", max: "1000", value: "2", required: true });
    const find = h("button", { type: "button", id: "find-times" }, t("findTimes"));
    const slotsId = uid("slots");
    const slots = h("div", { id: "new-slots", class: "slots", role: "group", "aria-labelledby": slotsId });
    const override = h("input", { type: "checkbox", id: "new-override" });
    const overrideTime = h("input", { type: "time", id: "new-override-time", step: "900" });
    const overrideTable = h("select", { id: "new-override-resource" }, h("option", { value: "" }, t("anyResource")),
      state.day.resources.filter(function (x) { return x.is_active; }).map(function (x) { return h("option", { value: x.id }, x.name); }));
    const overrideBox = h("div", { class: "stack", hidden: true },
      h("label", { for: "new-override-time" }, t("overrideTime")), overrideTime,
      h("label", { for: "new-override-resource" }, t("resource")), overrideTable);
    override.addEventListener("change", function () { overrideBox.hidden = !override.checked; });
    const first = h("input", { type: "text", id: "new-first-name", autocomplete: "off" });
    const last = h("input", { type: "text", id: "new-last-name", autocomplete: "off" });
    const email = h("input", { type: "email", id: "new-email", autocomplete: "off" });
    const phone = h("input", { type: "tel", id: "new-phone", autocomplete: "off" });
    const notes = h("textarea", { id: "new-notes", rows: "2", maxlength: "5000" });
    // The engine's first pick for the chosen start (the slot's first resource), preselected; staff may take
    // another of the slot's free resources, sent as preferred_resource_id.
    const suggested = h("p", { id: "new-suggested", class: "suggested" });
    const table = h("select", { id: "new-table" });
    const tableBox = h("div", { class: "stack", hidden: true }, suggested,
      h("label", { for: "new-table" }, t("resource")), table);
    const error = h("p", { class: "message", role: "alert", id: "new-error" });
    const pickedNote = h("p", { id: "new-picked", class: "hint" });
    const lengthNote = h("p", { id: "new-length", class: "hint" });
    let chosen = null;
    const form = h("form", { class: "stack" }, error, picked ? pickedNote : null,
      h("label", { for: "new-service" }, t("service")), service, picked && picked.minutes ? lengthNote : null,
      h("label", { for: "new-party" }, t("partySize")), party,
      find,
      h("p", { id: slotsId, class: "label" }, t("freeTimes")), slots, tableBox,
      h("p", { class: "check" }, override, h("label", { for: "new-override" }, t("useOverride"))), overrideBox,
      h("label", { for: "new-first-name" }, t("firstName")), first,
      h("label", { for: "new-last-name" }, t("lastName"), " (", t("optional"), ")"), last,
      h("label", { for: "new-email" }, t("email"), " (", t("optional"), ")"), email,
      h("label", { for: "new-phone" }, t("phone"), " (", t("optional"), ")"), phone,
      h("label", { for: "new-notes" }, t("internalNotes"), " (", t("optional"), ")"), notes,
      custom.element,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "new-book" }, t("book"))));
    const dialog = this.dialog(t("newReservation"), form);
    if (picked) { prefill(); }

    function prefill() {
      const ends = picked.minutes ? new Date(Date.parse(picked.start) + picked.minutes * 60000).toISOString() : null;
      const resource = picked.resourceId && state.day.resources.find(function (x) { return x.id === picked.resourceId; });
      const when = time(picked.start, zone) + (ends ? "–" + time(ends, zone) : "");
      pickedNote.textContent = resource
        ? t("pickedFromTimeline", { when: when, resource: resource.name })
        : t("pickedUnassigned", { when: when });
      override.checked = true;
      overrideBox.hidden = false;
      overrideTime.value = hhmm(picked.start, zone);
      overrideTable.value = resource && resource.is_active ? resource.id : "";
      if (picked.minutes && services.length) {
        // The API takes no length: a booking lasts as long as its service, so the nearest service is the guess.
        const nearest = services.reduce(function (best, s) {
          return Math.abs(s.duration_minutes - picked.minutes) < Math.abs(best.duration_minutes - picked.minutes) ? s : best;
        });
        service.value = nearest.id;
        const sayLength = function () {
          const s = services.find(function (x) { return x.id === service.value; });
          if (!s) { lengthNote.textContent = ""; return; }
          lengthNote.textContent = t(s.duration_minutes === picked.minutes ? "pickedLengthSame" : "pickedLength",
            { service: s.name, minutes: s.duration_minutes, picked: picked.minutes });
        };
        sayLength();
        service.addEventListener("change", sayLength);
      }
    }

    function offerTables(slot) {
      const free = slot ? slot.resources || [] : [];
      clear(table);
      tableBox.hidden = !free.length;
      if (!free.length) { suggested.textContent = ""; return; }
      suggested.textContent = t("suggestedTable", { table: free[0].name });
      free.forEach(function (resource, i) {
        table.appendChild(h("option", { value: resource.id, dataset: { name: resource.name } },
          i === 0 ? t("suggestedOption", { table: resource.name }) : resource.name));
      });
      table.value = free[0].id;
    }

    find.addEventListener("click", async function () {
      clear(slots);
      chosen = null;
      offerTables(null);
      try {
        const answer = await get("/reservation-available-slots?service_id=" + encodeURIComponent(service.value)
          + "&party_size=" + encodeURIComponent(party.value) + "&date=" + state.day.date);
        const found = answer.slots || [];
        if (!found.length) { slots.appendChild(h("p", null, t("noFreeTimes"))); return; }
        found.forEach(function (slot) {
          const button = h("button", { type: "button", class: "slot", "aria-pressed": "false",
            dataset: { start: slot.start_datetime } }, time(slot.start_datetime, zone));
          button.addEventListener("click", function () {
            chosen = slot.start_datetime;
            slots.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
            offerTables(slot);
          });
          slots.appendChild(button);
        });
        slots.querySelector("button").focus();
      } catch (e) {
        error.textContent = e instanceof ApiError ? t("conflict", { reason: e.message }) : t("generic");
      }
    });

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const body = { service_id: service.value, party_size: Number(party.value), source: "manual" };
      if (override.checked) {
        if (!overrideTime.value) { error.textContent = t("requiredField"); overrideTime.focus(); return; }
        // A time picked past midnight on the timeline is the next date's: kept as picked unless changed.
        body.start_datetime = picked && overrideTime.value === hhmm(picked.start, zone)
          ? picked.start : instantOf(state.day.date, overrideTime.value, zone);
        body.override = true;
        if (overrideTable.value) { body.assigned_resources = [overrideTable.value]; }
      } else {
        if (!chosen) { error.textContent = t("requiredField"); find.focus(); return; }
        body.start_datetime = chosen;
        if (!tableBox.hidden && table.value) { body.preferred_resource_id = table.value; }
      }
      const contact = {};
      if (first.value.trim()) { contact.first_name = first.value.trim(); }
      if (last.value.trim()) { contact.last_name = last.value.trim(); }
      if (email.value.trim()) { contact.email = email.value.trim(); }
      if (phone.value.trim()) { contact.phone = phone.value.trim(); }
      if (Object.keys(contact).length) { body.contact = contact; }
      if (notes.value.trim()) { body.internal_notes = notes.value.trim(); }
      const values = custom.changes();
      if (Object.keys(values).length) { body.custom_fields_by_key = values; }
      error.textContent = "";
      custom.clearErrors();
      try {
        const saved = await post("/reservations", body);
        dialog.close();
        const booked = t("booked_ok", { guest: guestName(saved), time: time(saved.start_datetime, zone) });
        const held = (saved.assigned_resources || []).map(function (a) { return a.resource_id; });
        // The API takes the preferred table when it is still free and fits, else seats the party elsewhere
        // rather than refuse: staff are told where it went.
        if (body.preferred_resource_id && !held.includes(body.preferred_resource_id)) {
          self.hooks.alert(booked + " " + t("tableNotHeld",
            { table: table.options[table.selectedIndex].dataset.name, held: resourceNames(saved) || t("unassigned") }));
        } else {
          self.hooks.announce(booked);
        }
        self.hooks.reload();
      } catch (e) {
        if (e instanceof ApiError && e.status === 422 && custom.showErrors(e.problem)) {
          error.textContent = [t("fixErrors"), otherErrors(e.problem)].filter(Boolean).join(" ");
          return;
        }
        if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
          error.textContent = t("conflict", { reason: e.message });
          if (e.status === 409 && !override.checked) { find.click(); }
          return;
        }
        dialog.close();
        self.failed(e);
      }
    });
    (picked ? party : service).focus();
  }

  /** A party arriving without a booking: seated now at the table chosen, a contact only if given. */
  async walkIn() {
    const self = this;
    const state = this.state;
    const zone = this.zone();
    const custom = new CustomFieldsForm("walk", await customFieldsOf("reservation"), {});
    const services = state.day.services.filter(function (s) { return s.is_active; });
    const service = h("select", { id: "walk-service" }, services.map(function (s) { return h("option", { value: s.id }, s.name); }));
    const party = h("input", { type: "number", id: "walk-party", min: "1", max: "1000", value: "2", required: true });
    const table = h("select", { id: "walk-table", required: true }, state.day.resources
      .filter(function (x) { return x.is_active; })
      .map(function (x) { return h("option", { value: x.id }, x.name + (x.capacity ? " · " + x.capacity : "")); }));
    const first = h("input", { type: "text", id: "walk-first-name", autocomplete: "off" });
    const phone = h("input", { type: "tel", id: "walk-phone", autocomplete: "off" });
    const error = h("p", { class: "message", role: "alert", id: "walk-error" });
    const form = h("form", { class: "stack" }, error,
      h("label", { for: "walk-party" }, t("partySize")), party,
      h("label", { for: "walk-service" }, t("service")), service,
      h("label", { for: "walk-table" }, t("walkInTable")), table,
      h("label", { for: "walk-first-name" }, t("firstName"), " (", t("optional"), ")"), first,
      h("label", { for: "walk-phone" }, t("phone"), " (", t("optional"), ")"), phone,
      custom.element,
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "walk-seat" }, t("seatNow"))));
    const dialog = this.dialog(t("walkIn"), form);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      // Now, on the quarter hour just passed: the same grid the timeline draws.
      const now = Math.floor(Date.now() / 60000) * 60000;
      const body = {
        service_id: service.value, party_size: Number(party.value), source: "walk_in",
        start_datetime: new Date(now).toISOString().replace(".000Z", "Z"),
        override: true, assigned_resources: [table.value]
      };
      const contact = {};
      if (first.value.trim()) { contact.first_name = first.value.trim(); }
      if (phone.value.trim()) { contact.phone = phone.value.trim(); }
      if (Object.keys(contact).length) { body.contact = contact; }
      const values = custom.changes();
      if (Object.keys(values).length) { body.custom_fields_by_key = values; }
      error.textContent = "";
      custom.clearErrors();
      try {
        const saved = await post("/reservations", body);
        await patch("/reservations/" + saved.id, { status: "seated" });
        dialog.close();
        const name = table.options[table.selectedIndex].textContent;
        self.hooks.announce(t("walkInSeated", { n: saved.party_size, table: name }));
        self.hooks.reload();
      } catch (e) {
        if (e instanceof ApiError && e.status === 422 && custom.showErrors(e.problem)) {
          error.textContent = [t("fixErrors"), otherErrors(e.problem)].filter(Boolean).join(" ");
          return;
        }
        if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
          error.textContent = t("conflict", { reason: e.message });
          return;
        }
        dialog.close();
        self.failed(e);
      }
    });
    party.focus();
  }

  // ---- the guest card ----

  async guestCard(contactId) {
    const self = this;
    const zone = this.zone();
    let contact;
    let history;
    let fields;
    try {
      fields = await customFieldsOf("contact");
      contact = await get("/contacts/" + contactId);
      const query = new URLSearchParams({ "contact_id": contactId, "$sort[start_datetime]": "-1", "$limit": "50" });
      history = await get("/reservations?" + query.toString());
    } catch (e) {
      this.failed(e);
      return;
    }
    const now = Date.now();
    const past = history.data.filter(function (r) { return Date.parse(r.start_datetime) < now; });
    const future = history.data.filter(function (r) { return Date.parse(r.start_datetime) >= now; }).reverse();
    const list = function (items) {
      if (!items.length) { return h("p", null, t("none")); }
      return h("ul", { class: "history" }, items.map(function (r) {
        return h("li", null, shortDate(r.start_datetime, zone) + " " + time(r.start_datetime, zone) + " · "
          + r.party_size + " · " + t("status_" + r.status));
      }));
    };
    const name = [contact.first_name, contact.last_name].filter(Boolean).join(" ") || t("noName");
    const body = h("div", { class: "stack guest-card" },
      h("dl", { class: "facts" },
        contact.email ? fact(t("email"), contact.email) : null,
        contact.phone ? fact(t("phone"), contact.phone) : null,
        fact(t("visits"), String(contact.visit_count)),
        fact(t("noShowCount"), String(contact.no_show_count)),
        fact(t("cancellationCount"), String(contact.cancellation_count)),
        contact.last_visit_at ? fact(t("lastVisit"), shortDate(contact.last_visit_at, zone)) : null));
    const tags = h("input", { type: "text", id: "guest-tags", value: (contact.tags || []).join(", "), "aria-describedby": "guest-tags-hint" });
    const notes = h("textarea", { id: "guest-notes", rows: "3", maxlength: "5000" });
    notes.value = contact.notes || "";
    const error = h("p", { class: "message", role: "alert", id: "guest-error" });
    if (this.state.canEdit) {
      const custom = new CustomFieldsForm("guest", fields, contact.custom_fields_by_key);
      const form = h("form", { class: "stack" }, error,
        h("label", { for: "guest-tags" }, t("tags")), tags, h("small", { id: "guest-tags-hint" }, t("tagsHint")),
        h("label", { for: "guest-notes" }, t("notes")), notes,
        custom.element,
        h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", id: "guest-save" }, t("save"))));
      form.addEventListener("submit", async function (event) {
        event.preventDefault();
        const changes = { tags: splitTags(tags.value), notes: notes.value.trim() || null };
        const customChanges = custom.changes();
        if (Object.keys(customChanges).length) { changes.custom_fields_by_key = customChanges; }
        error.textContent = "";
        custom.clearErrors();
        try {
          await patch("/contacts/" + contact.id, changes);
          dialog.close();
          self.hooks.announce(t("saved"));
          self.hooks.reload();
        } catch (e) {
          if (e instanceof ApiError && e.status === 422 && custom.showErrors(e.problem)) {
            error.textContent = t("fixErrors");
            return;
          }
          error.textContent = e instanceof ApiError ? t("conflict", { reason: e.message }) : t("generic");
        }
      });
      body.appendChild(form);
    } else {
      const facts = h("dl", { class: "facts" }, fact(t("tags"), (contact.tags || []).join(", ")), fact(t("notes"), contact.notes || ""));
      customFacts(fields, contact.custom_fields_by_key).forEach(function (f) { facts.appendChild(f[0]); facts.appendChild(f[1]); });
      body.appendChild(facts);
    }
    body.appendChild(h("h3", null, t("upcoming")));
    body.appendChild(list(future));
    body.appendChild(h("h3", null, t("past")));
    body.appendChild(list(past));
    const dialog = this.dialog(t("guestCard") + ": " + name, body);
    const focus = dialog.querySelector("#guest-tags, .dialog-close");
    if (focus) { focus.focus(); }
  }

  // ---- one modal dialog at a time ----

  dialog(title, content) {
    const old = document.getElementById("dialog");
    if (old) { old.remove(); }
    const titleId = uid("dialog-title");
    const close = h("button", { type: "button", class: "dialog-close icon", "aria-label": t("close") }, "×");
    const dialog = h("dialog", { id: "dialog", "aria-labelledby": titleId },
      h("div", { class: "dialog-head" }, h("h2", { id: titleId }, title), close), content);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { dialog.remove(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    return dialog;
  }
}

function fact(label, value) {
  return [h("dt", null, label), h("dd", null, value)];
}

/** The record's custom field values, as facts; fields without a value are left out. */
function customFacts(fields, values) {
  return fields.filter(function (f) { return displayValue(f, (values || {})[f.key]) !== ""; })
    .map(function (f) { return fact(f.label, displayValue(f, values[f.key])); });
}

function appendCustomFacts(list, entityType, values) {
  customFieldsOf(entityType).then(function (fields) {
    customFacts(fields, values).forEach(function (f) { list.appendChild(f[0]); list.appendChild(f[1]); });
  });
}

function splitTags(text) {
  return text.split(",").map(function (x) { return x.trim().toLowerCase(); }).filter(Boolean);
}
