// Google (Reserve with Google): the venue's /google-integration setting (merchant id, enabled, which services
// Google books, a per-user limit), edited by admins, and its status (/google-integration/status): the last feed run
// and the latest real-time updates. Google's own requests are listed to the platform only (they are not attributed
// to merchants), so this screen says so instead. The texts of this section are here, one place per language, and
// settings.js adds them to the others.
import { get, put, listAll } from "./api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, textOf, numberOf } from "./dom.js";

export var STRINGS = {
  en: {
    google: "Google",
    googleIntro: "Reserve with Google: guests book from Google Search and Maps. Google names this venue by its merchant id and each bookable service by its own id.",
    googleSettings: "Google settings",
    merchantId: "Merchant id",
    merchantIdHint: "The id Google sends for this venue (as entered in Google's partner portal).",
    googleEnabled: "Google may look up availability and book",
    bookingLimit: "Future bookings one Google user may hold",
    bookingLimitHint: "Empty: no limit.",
    serviceMappings: "Services on Google",
    googleServiceId: "Google service id",
    googleService: "Service",
    addMapping: "Add a service",
    removeMapping: "Remove service {n}",
    noMappings: "No service is offered on Google yet.",
    googleSaved: "The Google settings are saved.",
    notSetUp: "Google is not set up for this venue yet. Enter a merchant id and save to set it up.",
    googleStatus: "Status",
    lastFeed: "Last feed",
    noFeed: "No feed has been generated yet.",
    feedSummary: "{when} ({trigger}): {merchants} merchants, {services} services, {rows} availability rows in {shards} files",
    upload: "Upload: {status}",
    skippedItems: "Left out: {items}",
    updates: "Latest real-time updates",
    updatesOff: "Real-time updates are not configured on this installation; Google learns changes from the next feed.",
    noUpdates: "No real-time update has been sent yet.",
    updateBooking: "Booking {id}",
    updateDay: "Availability of {day}",
    updateLine: "{status} · {attempts} attempts · {when}",
    updateStatus_pending: "waiting", updateStatus_sending: "sending", updateStatus_succeeded: "sent",
    updateStatus_failed: "failed",
    httpStatus: "HTTP {code}",
    requestsPlatformOnly: "Google's own requests are listed to the platform operator only: one partner account serves every venue, so they are not attributed to venues.",
    refresh: "Refresh the status"
  },
  es: {
    google: "Google",
    googleIntro: "Reservar con Google: los clientes reservan desde la Búsqueda y Maps de Google. Google identifica este local por su id de comercio y cada servicio reservable por su propio id.",
    googleSettings: "Ajustes de Google",
    merchantId: "Id de comercio",
    merchantIdHint: "El id que Google envía para este local (el del portal de socios de Google).",
    googleEnabled: "Google puede consultar la disponibilidad y reservar",
    bookingLimit: "Reservas futuras que puede tener un usuario de Google",
    bookingLimitHint: "Vacío: sin límite.",
    serviceMappings: "Servicios en Google",
    googleServiceId: "Id de servicio en Google",
    googleService: "Servicio",
    addMapping: "Añadir un servicio",
    removeMapping: "Quitar el servicio {n}",
    noMappings: "Todavía no se ofrece ningún servicio en Google.",
    googleSaved: "Los ajustes de Google están guardados.",
    notSetUp: "Google aún no está configurado para este local. Escribe un id de comercio y guarda para configurarlo.",
    googleStatus: "Estado",
    lastFeed: "Último feed",
    noFeed: "Todavía no se ha generado ningún feed.",
    feedSummary: "{when} ({trigger}): {merchants} comercios, {services} servicios, {rows} filas de disponibilidad en {shards} archivos",
    upload: "Subida: {status}",
    skippedItems: "Omitidos: {items}",
    updates: "Últimas actualizaciones en tiempo real",
    updatesOff: "Las actualizaciones en tiempo real no están configuradas en esta instalación; Google conoce los cambios con el siguiente feed.",
    noUpdates: "Todavía no se ha enviado ninguna actualización en tiempo real.",
    updateBooking: "Reserva {id}",
    updateDay: "Disponibilidad del {day}",
    updateLine: "{status} · {attempts} intentos · {when}",
    updateStatus_pending: "en espera", updateStatus_sending: "enviándose", updateStatus_succeeded: "enviada",
    updateStatus_failed: "fallida",
    httpStatus: "HTTP {code}",
    requestsPlatformOnly: "Las peticiones de Google solo se muestran al operador de la plataforma: una cuenta de socio sirve a todos los locales, así que no se atribuyen a ningún local.",
    refresh: "Actualizar el estado"
  }
};

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
