// Google (Reserve with Google): the venue's /google-integration setting (merchant id, enabled, which services
// Google books, a per-user limit), edited by admins, and its status (/google-integration/status): the last feed run
// and the latest real-time updates. Google's own requests are listed to the platform only (they are not attributed
// to merchants), so this screen says so instead. Its texts are in strings.js with the
// other sections'.
import { get, put, listAll } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, textOf, numberOf } from "../dom.js";


export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.googleIntro }));
  var line = statusLine();
  var formArea = el("div", { class: "google-form" });
  var statusArea = el("div", { class: "google-status" });
  root.appendChild(formArea);
  root.appendChild(line);
  root.appendChild(el("h3", { id: "google-status-title", text: t.googleStatus }));
  root.appendChild(button(t.refresh, loadStatus, { class: "link-button refresh" }));
  root.appendChild(statusArea);

  Promise.all([
    get("/google-integration").catch(function (error) {
      if (error.status === 404) { return null; }
      throw error;
    }),
    listAll("/reservation-services")
  ]).then(function (answers) {
    drawForm(answers[0], answers[1]);
  }).catch(function (error) { showProblem(root, line, error, t); });
  loadStatus();

  function drawForm(setting, services) {
    clear(formArea);
    if (!setting) { formArea.appendChild(el("p", { class: "note", text: t.notSetUp })); }
    var merchant = input("text", setting ? setting.merchant_id : "", { name: "merchant_id", autocomplete: "off", maxlength: "200" });
    var enabled = input("checkbox", setting ? setting.enabled : false, { name: "enabled" });
    var limit = input("number", setting ? setting.max_future_bookings_per_user : null,
      { name: "max_future_bookings_per_user", min: "1", max: "1000", inputmode: "numeric" });
    var rows = el("ul", { class: "mappings" });
    var serviceOptions = services.map(function (s) { return [s.id, s.name]; });

    function addRow(mapping, focus) {
      var googleId = input("text", mapping ? mapping.google_service_id : "", { name: "google_service_id", autocomplete: "off", maxlength: "200" });
      var service = select(serviceOptions, mapping ? mapping.service_id : (serviceOptions[0] || [null])[0], { name: "service_id" });
      var row = el("li", { class: "mapping" });
      var remove = button("×", function () {
        var next = row.nextElementSibling || row.previousElementSibling;
        rows.removeChild(row);
        renumber();
        if (next) { next.querySelector("input").focus(); } else { add.focus(); }
      }, { class: "remove" });
      row.appendChild(el("div", { class: "grid" }, [
        field(t.googleServiceId, googleId, { required: true }),
        field(t.googleService, service, {})
      ]));
      row.appendChild(remove);
      rows.appendChild(row);
      renumber();
      if (focus) { googleId.focus(); }
    }

    // Error fields name rows by position (service_mappings[1].service_id), so the rows' names follow their order.
    function renumber() {
      Array.prototype.forEach.call(rows.children, function (row, i) {
        row.querySelector("input[name=google_service_id]").setAttribute("data-field", "service_mappings[" + i + "].google_service_id");
        row.querySelector("select[name=service_id]").setAttribute("data-field", "service_mappings[" + i + "].service_id");
        row.querySelector("button.remove").setAttribute("aria-label", fmt(t.removeMapping, { n: i + 1 }));
      });
    }

    var add = button(t.addMapping, function () { addRow(null, true); }, { class: "add" });
    (setting ? setting.service_mappings : []).forEach(function (m) { addRow(m, false); });

    var form = el("form", { class: "card google", novalidate: true, "aria-labelledby": "google-settings-title" }, [
      el("h3", { id: "google-settings-title", text: t.googleSettings }),
      el("div", { class: "grid" }, [
        field(t.merchantId, merchant, { apiField: "merchant_id", required: true, hint: t.merchantIdHint }),
        field(t.bookingLimit, limit, { apiField: "max_future_bookings_per_user", hint: t.bookingLimitHint })
      ]),
      field(t.googleEnabled, enabled, { apiField: "enabled" }),
      el("fieldset", { class: "mappings" }, [
        el("legend", { text: t.serviceMappings }),
        rows,
        add
      ]),
      el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.save })])
    ]);
    formArea.appendChild(form);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(form);
      var mappings = Array.prototype.map.call(rows.children, function (row) {
        return {
          google_service_id: textOf(row.querySelector("input[name=google_service_id]")),
          service_id: row.querySelector("select[name=service_id]").value || null
        };
      });
      var body = { merchant_id: textOf(merchant), enabled: enabled.checked, service_mappings: mappings };
      var max = numberOf(limit);
      if (max !== null) { body.max_future_bookings_per_user = max; }
      put("/google-integration", body).then(function () {
        say(line, t.googleSaved, false);
        loadStatus();
      }).catch(function (error) { showProblem(form, line, error, t); });
    });
  }

  function loadStatus() {
    get("/google-integration/status").then(function (status) {
      clear(statusArea);
      statusArea.appendChild(el("h4", { text: t.lastFeed }));
      var feed = status.last_feed;
      if (!feed) {
        statusArea.appendChild(el("p", { class: "empty", text: t.noFeed }));
      } else {
        statusArea.appendChild(el("p", { class: "feed", text: fmt(t.feedSummary, {
          when: ctx.dateTime(feed.finished_at || feed.started_at), trigger: feed.trigger, merchants: feed.merchants,
          services: feed.services, rows: feed.availability_rows, shards: feed.availability_shards
        }) }));
        if (feed.upload_status) { statusArea.appendChild(el("p", { class: "meta", text: fmt(t.upload, { status: feed.upload_status }) })); }
        if (feed.skipped && feed.skipped.length) {
          statusArea.appendChild(el("p", { class: "meta", text: fmt(t.skippedItems, { items: feed.skipped.join("; ") }) }));
        }
      }
      statusArea.appendChild(el("h4", { text: t.updates }));
      if (!status.real_time_updates_enabled) { statusArea.appendChild(el("p", { class: "note", text: t.updatesOff })); }
      var updates = status.real_time_updates || [];
      if (updates.length === 0) {
        statusArea.appendChild(el("p", { class: "empty", text: t.noUpdates }));
      } else {
        statusArea.appendChild(el("ul", { class: "items updates" }, updates.slice(0, 20).map(function (u) {
          var what = u.kind === "booking" ? fmt(t.updateBooking, { id: u.reservation_id }) : fmt(t.updateDay, { day: ctx.day(u.local_date) });
          var parts = [fmt(t.updateLine, {
            status: t["updateStatus_" + u.status] || u.status, attempts: u.attempts, when: ctx.dateTime(u.updated_at)
          })];
          if (u.last_status_code) { parts.push(fmt(t.httpStatus, { code: u.last_status_code })); }
          if (u.last_error) { parts.push(u.last_error); }
          return el("li", { class: "item update " + u.status }, [
            el("div", { class: "item-main" }, [el("strong", { text: what }), el("span", { class: "meta", text: parts.join(" · ") })])
          ]);
        })));
      }
      if (!status.recent_requests) { statusArea.appendChild(el("p", { class: "note", text: t.requestsPlatformOnly })); }
    }).catch(function (error) { showProblem(statusArea, line, error, t); });
  }
}
