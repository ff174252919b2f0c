// The waitlist screens of a booking page: joining (a later day with nothing that suits the guest, or today's line
// at the door when the link allows it) and the guest's private status page (place, estimate, an offer to accept
// or decline, leaving the list). The page's helpers come in as `ui`, so texts, requests and errors work exactly as
// on the booking screens; everything from the server is set with textContent.

/** Whether the link takes the waitlist for later days (page_config.waitlist later or later_and_now). */
export function takesLater(page) {
  var mode = page && page.page_config && page.page_config.waitlist;
  return mode === "later" || mode === "later_and_now";
}

/** Whether the link also takes today's line at the door. */
export function takesNow(page) {
  return !!(page && page.page_config && page.page_config.waitlist === "later_and_now");
}

export function waitlistScreens(ui) {
  var el = ui.el, t = ui.t, fmt = ui.fmt, format = ui.format, state = ui.state;

  function joinMessage(error) {
    var code = error.problem && error.problem.code;
    if (code === "already_on_waitlist") { return t.alreadyWaiting; }
    if (code === "waitlist_full") { return t.waitlistFull; }
    if (code === "day_closed") { return t.dayClosed; }
    return ui.problemMessage(error);
  }

  /**
   * The join form. kind "later": the day picked, with the window of starts the guest can take (the day's first
   * and last start when it had any); kind "now": today's line, no window.
   */
  function renderJoin(kind, date, starts, onBack) {
    var stepNode = ui.stepNode();
    ui.clear(stepNode);
    var later = kind === "later";
    var form = el("form", { novalidate: true, "aria-labelledby": "join-heading", id: "waitlist-form" });
    form.appendChild(el("h2", { id: "join-heading", text: later ? t.joinTitle : t.joinNowTitle }));
    form.appendChild(el("p", { text: later ? fmt(t.joinLaterIntro, { date: format.day(date) }) : t.joinNowIntro }));
    form.appendChild(el("p", { class: "hint", text: state.service.name + " · " + ui.people(state.party)
      + (later ? " · " + format.day(date) : "") }));
    var windowInputs = {};
    if (later) {
      var first = starts && starts.length ? starts[0].local_time : "19:00";
      var last = starts && starts.length ? starts[starts.length - 1].local_time : "21:00";
      [["window_start", t.windowStart, first], ["window_end", t.windowEnd, last === first ? addHour(first) : last]]
        .forEach(function (f) {
          var input = el("input", { type: "time", id: "wl-" + f[0], name: f[0], step: "900", required: true, "aria-required": "true" });
          input.value = f[2];
          windowInputs[f[0]] = input;
          form.appendChild(el("div", { class: "field", "data-field": f[0] }, [
            el("label", { for: "wl-" + f[0], text: f[1] + " (" + t.required + ")" }), input]));
        });
    }
    var contact = [
      ["first_name", t.firstName, "text", "given-name", true],
      ["last_name", t.lastName, "text", "family-name", false],
      ["phone", t.phoneRequired, "tel", "tel", true],
      ["email", t.email, "email", "email", false]
    ];
    contact.forEach(function (f) {
      var id = "wl-contact-" + f[0];
      var input = el("input", { type: f[2], id: id, name: f[0], autocomplete: f[3], required: f[4], "aria-required": f[4] ? "true" : null });
      if (state.contact[f[0]]) { input.value = state.contact[f[0]]; }
      input.addEventListener("input", function () { state.contact[f[0]] = input.value; });
      form.appendChild(el("div", { class: "field", "data-field": "contact." + f[0] }, [
        el("label", { for: id, text: f[1] + (f[4] ? " (" + t.required + ")" : "") }), input]));
    });
    var notes = el("textarea", { id: "wl-notes", name: "notes", maxlength: "2000" });
    notes.value = state.notes;
    notes.addEventListener("input", function () { state.notes = notes.value; });
    form.appendChild(el("div", { class: "field", "data-field": "notes" }, [el("label", { for: "wl-notes", text: t.notes }), notes]));
    var submit = el("button", { type: "submit", class: "primary", text: t.joinSubmit });
    var back = el("button", { type: "button", class: "secondary", text: t.back, onclick: function () { ui.clearAlert(); onBack(); } });
    form.appendChild(el("div", { class: "actions" }, [submit, back]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ui.clearAlert();
      ui.clearFieldErrors(form);
      submit.disabled = true;
      var body = {
        service_id: state.service.id, party_size: state.party, kind: kind,
        contact: {
          first_name: state.contact.first_name || null, last_name: state.contact.last_name || null,
          email: state.contact.email || null, phone: state.contact.phone || null
        },
        notes: state.notes || null
      };
      if (later) {
        body.date = date;
        body.window_start = windowInputs.window_start.value || null;
        body.window_end = windowInputs.window_end.value || null;
      }
      ui.request("POST", "/waitlist", body).then(function (entry) {
        renderJoined(entry);
      }).catch(function (error) {
        submit.disabled = false;
        var code = error.problem && error.problem.code;
        if (code === "validation_failed") {
          ui.announce(ui.alertNode(), t.fixErrors);
          ui.showFieldErrors(error.problem, form);
        } else {
          ui.announce(ui.alertNode(), joinMessage(error));
        }
      });
    });
    stepNode.appendChild(form);
    ui.focusHeading(stepNode);
  }

  function addHour(time) {
    var hour = Math.min(23, parseInt(time, 10) + 1);
    return String(hour).padStart(2, "0") + time.substring(2);
  }

  function renderJoined(entry) {
    var stepNode = ui.stepNode();
    ui.clear(stepNode);
    var section = el("section", { class: "card", "aria-labelledby": "joined-heading" });
    section.appendChild(el("h2", { id: "joined-heading", text: t.joinedTitle }));
    section.appendChild(summary(entry));
    section.appendChild(el("p", { text: t.statusLinkText }));
    section.appendChild(el("p", { class: "manage-link" }, [
      el("a", { href: entry.status_path, id: "status-link", text: window.location.origin + entry.status_path })]));
    stepNode.appendChild(section);
    ui.focusHeading(stepNode);
  }

  function summary(entry) {
    var list = el("dl", { class: "summary" });
    var add = function (term, value, cls) {
      list.appendChild(el("dt", { text: term }));
      list.appendChild(el("dd", { class: cls, text: value }));
    };
    add(t.summaryService, entry.service_name);
    add(t.summaryDay, format.day(entry.date));
    add(t.summaryParty, String(entry.party_size));
    if (entry.window_start && entry.window_end) {
      add(t.summaryWindow, fmt(t.windowRange, { from: localTime(entry.date, entry.window_start), to: localTime(entry.date, entry.window_end) }));
    }
    add(t.summaryStatus, t["wl_" + entry.status] || entry.status, "wl-status");
    if (entry.position !== null && entry.position !== undefined) { add(t.position, String(entry.position), "wl-position"); }
    if (entry.estimated_seat_from && entry.estimated_seat_to) {
      add(t.estimate, fmt(t.estimateRange, {
        from: format.time(entry.estimated_seat_from, entry.timezone), to: format.time(entry.estimated_seat_to, entry.timezone)
      }), "wl-estimate");
    }
    return list;
  }

  /** A wall-clock HH:mm of the venue, written as format.js writes times (7:30 PM / 19:30). */
  function localTime(date, time) {
    // The venue's wall clock, read as if in UTC and written in UTC: no zone can shift it.
    return format.time(date + "T" + time + ":00Z", "UTC");
  }

  // ---------- the private status page ----------
  var token = "";

  function startStatus() {
    var match = window.location.pathname.match(/\/waitlist\/([A-Za-z0-9_-]+)$/);
    token = match ? match[1] : "";
    ui.request("GET", "/waitlist/" + encodeURIComponent(token)).then(function (entry) {
      ui.startScreen({ name: t.waitlistHeading, organization_name: entry.organization_name, page_config: entry.page_config, services: [] });
      renderStatus(entry, false);
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible" && shown && shown.can_cancel) { poll(); }
      });
    }).catch(function (error) {
      ui.fail(error.status === 404 ? t.waitlistNotFound : t.generic);
    });
  }

  function reload(message, kind) {
    return ui.request("GET", "/waitlist/" + encodeURIComponent(token)).then(function (entry) {
      renderStatus(entry, true, message, kind);
    });
  }

  // ---------- refreshing by itself ----------
  // While the entry is active the page reads it again every POLL_MS (not while the tab is hidden, nor while the
  // guest is confirming that they leave), and redraws only when something the guest sees changed, keeping the
  // focus where it was. A refused read (the rate limit, a network hiccup) waits twice as long before the next; an
  // entry that is gone or final stops the polling.
  var POLL_MS = 20000;
  var MAX_POLL_MS = 5 * 60000;
  var shown = null;
  var timer = null;
  var delay = POLL_MS;

  function schedule() {
    window.clearTimeout(timer);
    timer = null;
    if (shown && shown.can_cancel) { timer = window.setTimeout(poll, delay); }
  }

  function poll() {
    window.clearTimeout(timer);
    timer = null;
    if (document.visibilityState === "hidden" || document.getElementById("really-leave")) { schedule(); return; }
    ui.request("GET", "/waitlist/" + encodeURIComponent(token)).then(function (entry) {
      delay = POLL_MS;
      if (fingerprint(entry) === fingerprint(shown) || document.getElementById("really-leave")) { shown = entry; schedule(); return; }
      var statusChanged = entry.status !== shown.status || entry.offer_open !== shown.offer_open;
      var focused = document.activeElement && document.activeElement.id;
      renderStatus(entry, false, statusChanged ? t.statusUpdated : null, "info");
      var again = focused && document.getElementById(focused);
      if (again) { again.focus(); }
    }).catch(function (error) {
      if (error.status === 404) { shown = null; return; }
      delay = Math.min(delay * 2, MAX_POLL_MS);
      schedule();
    });
  }

  /** What the guest sees of an entry: a read that changes none of it redraws nothing. */
  function fingerprint(entry) {
    return entry && JSON.stringify([entry.status, entry.position, entry.parties_ahead, entry.estimated_seat_from,
      entry.estimated_seat_to, entry.offer_open, entry.offer_start, entry.offer_expires_at, entry.manage_path,
      entry.confirmation_code, entry.can_cancel]);
  }

  function renderStatus(entry, focus, message, kind) {
    shown = entry;
    schedule();
    var stepNode = ui.stepNode();
    ui.clear(stepNode);
    var section = el("section", { class: "card", "aria-labelledby": "status-heading" });
    section.appendChild(el("h2", { id: "status-heading", text: t.waitlistHeading }));
    section.appendChild(summary(entry));
    if (entry.offer_open) {
      var offer = el("div", { class: "card offer", role: "group", "aria-labelledby": "offer-text" }, [
        el("p", { id: "offer-text", text: fmt(t.offerText, {
          time: format.dateTime(entry.offer_start, entry.timezone), until: format.time(entry.offer_expires_at, entry.timezone) }) })
      ]);
      var accept = el("button", { type: "button", class: "primary", id: "accept-offer", text: t.acceptOffer });
      var decline = el("button", { type: "button", class: "secondary", id: "decline-offer", text: t.declineOffer });
      accept.addEventListener("click", function () { answer("accept", accept); });
      decline.addEventListener("click", function () { answer("decline", decline); });
      offer.appendChild(el("div", { class: "actions" }, [accept, decline]));
      section.appendChild(offer);
    } else if (entry.status === "offered" && entry.kind === "later") {
      section.appendChild(el("p", { class: "alert info", text: t.offerLapsed }));
    }
    if (entry.manage_path) {
      section.appendChild(el("p", { text: t.acceptedText }));
      if (entry.confirmation_code) {
        section.appendChild(el("p", null, [el("span", { text: t.code + ": " }), el("span", { class: "code", text: entry.confirmation_code })]));
      }
      section.appendChild(el("p", null, [el("a", { href: entry.manage_path, id: "booking-link", text: t.seeBooking })]));
    }
    var actions = el("div", { class: "actions" });
    if (entry.status === "waiting" || entry.status === "offered" || entry.status === "checked_in") {
      actions.appendChild(el("button", { type: "button", class: "secondary", id: "refresh", text: t.refresh, onclick: function () {
        ui.clearAlert();
        reload().catch(function (error) { ui.announce(ui.alertNode(), ui.problemMessage(error)); });
      } }));
    }
    if (entry.can_cancel) {
      actions.appendChild(el("button", { type: "button", class: "danger", id: "leave", text: t.leave, onclick: function () { askLeave(section, actions); } }));
    }
    if (actions.childNodes.length) { section.appendChild(actions); }
    stepNode.appendChild(section);
    if (message) { ui.announce(ui.alertNode(), message, kind || "success"); }
    if (focus) { ui.focusHeading(stepNode); }
  }

  function answer(what, button) {
    ui.clearAlert();
    button.disabled = true;
    ui.request("POST", "/waitlist/" + encodeURIComponent(token) + "/" + what, {}).then(function (entry) {
      renderStatus(entry, true, what === "accept" ? t.acceptedText : t.offerDeclined);
    }).catch(function (error) {
      var code = error.problem && error.problem.code;
      var message = code === "offer_expired" ? t.offerLapsed : code === "no_open_offer" ? t.noOffer : ui.problemMessage(error);
      reload(message, "error").catch(function () { button.disabled = false; ui.announce(ui.alertNode(), message); });
    });
  }

  function askLeave(section, actions) {
    actions.hidden = true;
    var heading = el("h3", { tabindex: "-1", id: "really-leave", text: t.reallyLeave });
    var yes = el("button", { type: "button", class: "danger", id: "confirm-leave", text: t.yesLeave });
    var no = el("button", { type: "button", class: "secondary", text: t.stay, onclick: function () {
      reload().catch(function (error) { ui.announce(ui.alertNode(), ui.problemMessage(error)); });
    } });
    section.appendChild(el("div", { class: "card", role: "group", "aria-labelledby": "really-leave" }, [heading, el("div", { class: "actions" }, [yes, no])]));
    yes.addEventListener("click", function () {
      yes.disabled = true;
      ui.request("POST", "/waitlist/" + encodeURIComponent(token) + "/cancel", {}).then(function (entry) {
        renderStatus(entry, true, t.left);
      }).catch(function (error) {
        yes.disabled = false;
        ui.announce(ui.alertNode(), ui.problemMessage(error));
      });
    });
    heading.focus();
  }

  return { renderJoin: renderJoin, startStatus: startStatus };
}
