// The booking page and the guest's manage page. Plain JavaScript modules, served by Reserva itself; every text
// from the server is set with textContent (never as HTML), and the only colour taken from the link is a checked
// #rrggbb. Texts live in i18n.js; dates and times are written by format.js only.
import { STRINGS } from "./i18n.js";
import { addDays, formatter, isoDay, todayIn } from "./format.js";
import { takesLater, takesNow, waitlistScreens } from "./waitlist.js";

var body = document.body;
var organization = body.getAttribute("data-organization");
var slug = body.getAttribute("data-slug");
var view = body.getAttribute("data-view");
var api = "/public/booking-links/" + encodeURIComponent(organization) + "/" + encodeURIComponent(slug);
var main = document.getElementById("main");
var lang = document.documentElement.lang === "es" ? "es" : "en";
var t = STRINGS[lang];
var format = formatter(lang);
// Starts are grouped under headings when a day has more than this many.
var MANY_STARTS = 8;
// A gap of more than this between two starts ends a service period (lunch, then dinner).
var PERIOD_GAP_MS = 60 * 60 * 1000;

var state = {
  page: null, service: null, party: 1, area: null, answers: {}, month: null, days: {}, date: null,
  hold: null, timer: null, contact: {}, notes: "", policyAccepted: false, booking: null, token: null
};

// ---------- small helpers ----------
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; }
      else if (key === "class") { node.className = value; }
      else if (key.indexOf("on") === 0) { node.addEventListener(key.substring(2), value); }
      else { node.setAttribute(key, value === true ? "" : String(value)); }
    });
  }
  (children || []).forEach(function (child) {
    if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
  });
  return node;
}
function fmt(text, values) {
  return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
}
function people(n) { return n === 1 ? t.person : fmt(t.people, { n: n }); }
function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
/** The venue's time zone: the service's own, else the organization's. Never the browser's. */
function zone() {
  return (state.service && state.service.timezone) || (state.page && state.page.venue && state.page.venue.timezone)
    || (state.booking && state.booking.timezone);
}
function formatDateTime(iso, timeZone) { return format.dateTime(iso, timeZone); }
function formatDay(dateText) { return format.day(dateText); }
function request(method, path, payload) {
  var options = { method: method, headers: { "Accept": "application/json" }, credentials: "omit" };
  if (payload !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(payload);
  }
  return fetch(api + path, options).then(function (response) {
    return response.text().then(function (text) {
      var data = null;
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      if (!response.ok) {
        var error = new Error((data && data.detail) || response.statusText);
        error.status = response.status;
        error.problem = data || {};
        throw error;
      }
      return data;
    });
  });
}
function problemMessage(error) {
  var code = error.problem && error.problem.code;
  if (code === "slot_unavailable") { return t.slotTaken; }
  if (code === "hold_expired") { return t.holdExpired; }
  if (code === "outside_cancellation_window") { return t.tooLate; }
  if (code === "rate_limited") { return t.tooMany; }
  if (code === "validation_failed") { return t.fixErrors; }
  return t.generic;
}
function announce(region, message, kind) {
  region.className = "alert " + (kind || "error");
  region.textContent = message;
}
/** Moves focus to a step's heading, so keyboard and screen reader users land where the page changed. */
function focusHeading(node) {
  var heading = node.querySelector("h1, h2");
  if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
}

// ---------- branding ----------
function brand(config) {
  var color = config.primary_color;
  if (color && /^#[0-9a-fA-F]{6}$/.test(color)) {
    var r = parseInt(color.substr(1, 2), 16) / 255, g = parseInt(color.substr(3, 2), 16) / 255, b = parseInt(color.substr(5, 2), 16) / 255;
    var lin = function (c) { return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    var luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    var root = document.documentElement.style;
    root.setProperty("--primary", color);
    // Whichever of white and near-black contrasts more with the brand colour.
    root.setProperty("--on-primary", (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.06) ? "#ffffff" : "#111111");
  }
}
function header(page) {
  var config = page.page_config;
  var nodes = [];
  if (config.cover_url) { nodes.push(el("img", { class: "cover", src: config.cover_url, alt: "" })); }
  var venue = page.venue || { name: page.organization_name, logo_url: config.logo_url };
  var details = [el("span", { class: "organization", text: venue.name })];
  if (venue.address) { details.push(el("span", { class: "venue-address", "aria-label": fmt(t.venueAddress, { address: venue.address }), text: venue.address })); }
  if (venue.phone) {
    details.push(el("a", { class: "venue-phone", href: "tel:" + venue.phone.replace(/[^+0-9]/g, ""),
      "aria-label": fmt(t.venuePhone, { phone: venue.phone }), text: venue.phone }));
  }
  var brandRow = el("div", { class: "brand" }, [
    venue.logo_url ? el("img", { class: "logo", src: venue.logo_url, alt: venue.name }) : null,
    el("div", { class: "venue" }, details)
  ]);
  nodes.push(brandRow);
  nodes.push(el("h1", { text: config.hero_title || page.name }));
  if (config.hero_subtitle) { nodes.push(el("p", { class: "subtitle", text: config.hero_subtitle })); }
  if (config.description) { nodes.push(el("p", { class: "prose", text: config.description })); }
  if (config.instructions) { nodes.push(el("p", { class: "prose hint", text: config.instructions })); }
  return el("header", null, nodes);
}

// ---------- booking flow ----------
var stepNode, alertNode, liveNode;

function startBooking() {
  request("GET", "").then(function (page) {
    state.page = page;
    brand(page.page_config);
    clear(main);
    main.appendChild(header(page));
    alertNode = el("div", { class: "alert", role: "alert", "aria-live": "assertive" });
    liveNode = el("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
    stepNode = el("div");
    main.appendChild(alertNode);
    main.appendChild(liveNode);
    main.appendChild(stepNode);
    state.service = page.services.length === 1 ? page.services[0] : null;
    if (state.service) { state.party = Math.max(1, state.service.min_party_size); }
    renderVisit(false);
  }).catch(function (error) {
    clear(main);
    main.appendChild(el("h1", { text: error.status === 404 ? t.pageNotFound : t.generic }));
  });
}

function clearAlert() { alertNode.textContent = ""; alertNode.className = "alert"; }

function partyOptions(service) {
  var min = service ? Math.max(1, service.min_party_size) : 1;
  var max = service && service.max_party_size ? service.max_party_size : Math.max(min, 20);
  var options = [];
  for (var n = min; n <= Math.min(max, min + 49); n++) { options.push(n); }
  return options;
}

function renderVisit(focus) {
  clear(stepNode);
  var page = state.page;
  var form = el("form", { novalidate: true, "aria-labelledby": "visit-heading" });
  form.appendChild(el("h2", { id: "visit-heading", text: t.visit }));
  if (!page.services.length) {
    form.appendChild(el("p", { class: "alert info", text: t.noServices }));
    stepNode.appendChild(form);
    return;
  }
  if (page.services.length > 1) {
    var fieldset = el("fieldset", null, [el("legend", { text: t.service })]);
    var list = el("div", { class: "choices" });
    page.services.forEach(function (service) {
      var detail = [fmt(t.minutes, { n: service.duration_minutes })];
      if (service.price !== null && service.price !== undefined) {
        detail.push(new Intl.NumberFormat(lang, { style: "currency", currency: service.currency || "EUR" }).format(service.price));
      }
      var input = el("input", {
        type: "radio", name: "service", value: service.id, id: "service-" + service.id,
        checked: state.service && state.service.id === service.id
      });
      input.addEventListener("change", function () {
        state.service = service;
        state.party = Math.max(state.party, service.min_party_size);
        fillParty(partySelect);
      });
      list.appendChild(el("label", { class: "choice", for: "service-" + service.id }, [
        input,
        el("span", null, [el("strong", { text: service.name }),
          el("span", { class: "hint", text: detail.join(" · ") }),
          service.description ? el("span", { class: "hint", text: service.description }) : null])
      ]));
    });
    fieldset.appendChild(list);
    fieldset.appendChild(el("p", { class: "field-error", id: "service-error", hidden: true }));
    form.appendChild(fieldset);
  } else if (state.service) {
    form.appendChild(el("p", null, [el("strong", { text: state.service.name })]));
    if (state.service.description) { form.appendChild(el("p", { class: "hint", text: state.service.description })); }
  }
  var partySelect = el("select", { id: "party", name: "party" });
  fillParty(partySelect);
  partySelect.addEventListener("change", function () { state.party = parseInt(partySelect.value, 10); });
  form.appendChild(el("div", { class: "field" }, [el("label", { for: "party", text: t.party }), partySelect]));
  if (offeredAreas().length) { form.appendChild(areaChoice()); }
  form.appendChild(el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.continue })]));
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearAlert();
    if (!chosenService(form)) { return; }
    state.month = null;
    renderWhen(true);
  });
  if (takesNow(page)) {
    form.appendChild(el("div", { class: "actions" }, [el("button", {
      type: "button", class: "secondary", id: "join-line", text: t.joinLine, onclick: function () {
        clearAlert();
        if (chosenService(form)) { waitlist.renderJoin("now", null, null, function () { renderVisit(true); }); }
      }
    })]));
  }
  stepNode.appendChild(form);
  if (focus) { focusHeading(stepNode); }
}

/** The areas of the floor the page lets the guest choose from (none: no choice is shown). */
function offeredAreas() { return (state.page && state.page.areas) || []; }
function areaName(id) {
  var area = offeredAreas().filter(function (a) { return a.id === id; })[0];
  return area ? area.name : null;
}

/** "Any area" and the page's areas, as radio cards: arrow keys move within the group. */
function areaChoice() {
  if (state.area && !areaName(state.area)) { state.area = null; }
  var fieldset = el("fieldset", null, [el("legend", { text: t.area })]);
  var list = el("div", { class: "choices" });
  var options = [{ id: "", name: t.anyArea, hint: t.anyAreaHint }].concat(offeredAreas());
  options.forEach(function (area, index) {
    var id = "area-" + index;
    var input = el("input", { type: "radio", name: "area", value: area.id, id: id, checked: (state.area || "") === area.id });
    input.addEventListener("change", function () { state.area = area.id || null; });
    list.appendChild(el("label", { class: "choice", for: id }, [
      input,
      el("span", null, [el("strong", { text: area.name }), area.hint ? el("span", { class: "hint", text: area.hint }) : null])
    ]));
  });
  fieldset.appendChild(list);
  return fieldset;
}

/** The slots query's own part for the chosen area, if any. */
function areaQuery() { return state.area ? "&area_id=" + encodeURIComponent(state.area) : ""; }

/** Whether a service is chosen; if not, says so at the service choice and focuses it. */
function chosenService(form) {
  if (!state.service) {
    var error = document.getElementById("service-error");
    error.hidden = false;
    error.textContent = t.service + ": " + t.required;
    var first = form.querySelector("input[name=service]");
    first.setAttribute("aria-describedby", "service-error");
    first.focus();
    return false;
  }
  return true;
}

function fillParty(select) {
  clear(select);
  partyOptions(state.service).forEach(function (n) {
    select.appendChild(el("option", { value: n, text: String(n), selected: n === state.party }));
  });
  state.party = parseInt(select.value, 10);
}

function customField(field) {
  var id = "cf-" + field.key;
  var label = field.label + (field.is_required ? " (" + t.required + ")" : "");
  var value = state.answers[field.key];
  var input;
  var wrapper = el("div", { class: "field", "data-field": "custom_fields_by_key." + field.key });
  if (field.field_type === "boolean") {
    input = el("input", { type: "checkbox", id: id, name: field.key, checked: value === true });
    wrapper.appendChild(el("label", { class: "check", for: id }, [input, el("span", { text: label })]));
  } else if (field.field_type === "select" || field.field_type === "multiselect") {
    input = el("select", { id: id, name: field.key, multiple: field.field_type === "multiselect", required: field.is_required });
    if (field.field_type === "select") { input.appendChild(el("option", { value: "", text: t.selectOption })); }
    (field.options || []).forEach(function (option) {
      var selected = Array.isArray(value) ? value.indexOf(option) >= 0 : value === option;
      input.appendChild(el("option", { value: option, text: option, selected: selected }));
    });
    wrapper.appendChild(el("label", { for: id, text: label }));
    wrapper.appendChild(input);
  } else {
    var types = { number: "number", date: "date", email: "email", phone: "tel", url: "url" };
    input = field.field_type === "textarea"
      ? el("textarea", { id: id, name: field.key, required: field.is_required })
      : el("input", { type: types[field.field_type] || "text", id: id, name: field.key, required: field.is_required });
    if (value !== undefined && value !== null) { input.value = value; }
    wrapper.appendChild(el("label", { for: id, text: label }));
    wrapper.appendChild(input);
  }
  if (field.description) {
    var hint = el("p", { class: "hint", id: id + "-hint", text: field.description });
    wrapper.insertBefore(hint, input.parentNode === wrapper ? input : wrapper.lastChild);
    input.setAttribute("aria-describedby", id + "-hint");
  }
  input.setAttribute("data-type", field.field_type);
  input.setAttribute("data-key", field.key);
  return wrapper;
}

function collectAnswers(form) {
  var answers = {};
  form.querySelectorAll("[data-key]").forEach(function (input) {
    var key = input.getAttribute("data-key"), type = input.getAttribute("data-type"), value;
    if (type === "boolean") { value = input.checked; }
    else if (type === "multiselect") { value = Array.prototype.filter.call(input.options, function (o) { return o.selected; }).map(function (o) { return o.value; }); }
    else if (type === "number") { value = input.value === "" ? null : Number(input.value); }
    else { value = input.value === "" ? null : input.value; }
    answers[key] = value;
  });
  state.answers = answers;
}

// ---------- calendar and slots (shared by booking and rescheduling) ----------
function renderWhen(focus, onPick, headingText) {
  clear(stepNode);
  var section = el("section", { "aria-labelledby": "when-heading" });
  section.appendChild(el("h2", { id: "when-heading", text: headingText || t.when }));
  var summary = state.service.name + " · " + people(state.party) + (state.area ? " · " + areaName(state.area) : "");
  section.appendChild(el("p", { class: "hint", text: summary }));
  var calendarNode = el("div", { class: "card" });
  var slotsNode = el("div", { id: "slots", "aria-live": "polite" });
  section.appendChild(calendarNode);
  section.appendChild(slotsNode);
  var back = el("button", { type: "button", class: "secondary", text: t.back, onclick: function () {
    clearAlert();
    if (onPick) { renderManage(true); } else { renderVisit(true); }
  } });
  section.appendChild(el("div", { class: "actions" }, [back]));
  stepNode.appendChild(section);
  var opened = state.month ? Promise.resolve() : firstBookableMonth().then(function (month) { state.month = month; });
  opened.then(function () { loadMonth(calendarNode, slotsNode, onPick || hold, focus); })
    .catch(function (error) { announce(alertNode, problemMessage(error)); });
}

/**
 * The month of the first day with a free start, so a guest does not land on a month with nothing to book
 * (late in the month, or a service booked weeks ahead). Asks in ranges of 62 days (the API's longest) up to the
 * service's booking horizon (a year when it has none); the current month when nothing is free.
 */
function firstBookableMonth() {
  var today = todayIn(zone());
  var horizon = addDays(today, state.service.max_advance_days || 365);
  var monthOf = function (date) { return { year: +date.substring(0, 4), month: +date.substring(5, 7) - 1 }; };
  var search = function (from) {
    if (from > horizon) { return Promise.resolve(monthOf(today)); }
    var to = addDays(from, 61);
    var query = "?service_id=" + encodeURIComponent(state.service.id) + "&party_size=" + state.party
      + "&start_date=" + from + "&end_date=" + (to > horizon ? horizon : to) + areaQuery();
    return request("GET", "/slots" + query).then(function (result) {
      var first = result.days.filter(function (day) { return day.bookable; })[0];
      return first ? monthOf(first.date) : search(addDays(to, 1));
    });
  };
  return search(today);
}

function loadMonth(calendarNode, slotsNode, onPick, focusHeadingAfter) {
  var year = state.month.year, month = state.month.month;
  var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  var query = "?service_id=" + encodeURIComponent(state.service.id) + "&party_size=" + state.party
    + "&start_date=" + isoDay(year, month, 1) + "&end_date=" + isoDay(year, month, last) + areaQuery();
  return request("GET", "/slots" + query).then(function (result) {
    state.days = {};
    result.days.forEach(function (day) { state.days[day.date] = day; });
    drawCalendar(calendarNode, slotsNode, onPick);
    if (state.date && state.days[state.date]) { drawSlots(slotsNode, state.days[state.date], onPick); }
    else { clear(slotsNode); slotsNode.appendChild(el("p", { class: "hint", text: t.pickDay })); }
    if (focusHeadingAfter) { focusHeading(stepNode); }
  }).catch(function (error) { announce(alertNode, problemMessage(error)); });
}

function drawCalendar(calendarNode, slotsNode, onPick) {
  clear(calendarNode);
  var year = state.month.year, month = state.month.month;
  var monthName = format.month(year, month);
  var today = todayIn(zone());
  var thisMonth = today.substring(0, 7) === isoDay(year, month, 1).substring(0, 7);
  var move = function (delta) {
    var m = month + delta, y = year;
    if (m < 0) { m = 11; y--; } else if (m > 11) { m = 0; y++; }
    state.month = { year: y, month: m };
    loadMonth(calendarNode, slotsNode, onPick, false).then(function () {
      var button = calendarNode.querySelector(delta < 0 ? ".prev" : ".next");
      if (button && !button.disabled) { button.focus(); }
    });
  };
  calendarNode.appendChild(el("div", { class: "month-bar" }, [
    el("button", { type: "button", class: "secondary prev", "aria-label": t.prevMonth, disabled: thisMonth, text: "‹", onclick: function () { move(-1); } }),
    el("h3", { id: "month-label", "aria-live": "polite", text: monthName }),
    el("button", { type: "button", class: "secondary next", "aria-label": t.nextMonth, text: "›", onclick: function () { move(1); } })
  ]));
  var table = el("table", { class: "calendar", "aria-labelledby": "month-label" });
  var head = el("tr");
  for (var w = 0; w < 7; w++) {
    var weekday = format.weekday(w);
    head.appendChild(el("th", { scope: "col", abbr: weekday.long, text: weekday.narrow }));
  }
  table.appendChild(el("thead", null, [head]));
  var tbody = el("tbody");
  var first = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  var row = el("tr");
  for (var i = 0; i < first; i++) { row.appendChild(el("td")); }
  var buttons = [];
  for (var d = 1; d <= last; d++) {
    var date = isoDay(year, month, d);
    var info = state.days[date];
    var bookable = info && info.bookable;
    var open = bookable || (onPick === hold && waitable(info));
    var reason = info && !info.bookable ? (open ? t.waitable : (t[info.reason] || t.unavailable)) : null;
    var button = el("button", {
      type: "button", "data-date": date, class: bookable || !open ? null : "waitable",
      "aria-disabled": open ? null : "true",
      "aria-pressed": open ? String(state.date === date) : null,
      "aria-label": formatDay(date) + (reason ? " — " + reason : ""),
      title: reason, tabindex: "-1", text: String(d)
    });
    button.addEventListener("click", pickDay(date, slotsNode, onPick, calendarNode));
    button.addEventListener("keydown", dayKeys);
    buttons.push(button);
    row.appendChild(el("td", null, [button]));
    if ((first + d) % 7 === 0) { tbody.appendChild(row); row = el("tr"); }
  }
  if (row.childNodes.length) { tbody.appendChild(row); }
  table.appendChild(tbody);
  calendarNode.appendChild(table);
  calendarNode.appendChild(el("p", { class: "legend", text: t.legend }));
  // One day button is in the tab order (roving tabindex); arrow keys move between days.
  var current = buttons.filter(function (b) { return b.getAttribute("data-date") === state.date; })[0]
    || buttons.filter(function (b) { return !b.hasAttribute("aria-disabled"); })[0] || buttons[0];
  current.setAttribute("tabindex", "0");
}

function dayKeys(event) {
  var steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
  if (!(event.key in steps)) { return; }
  event.preventDefault();
  var all = Array.prototype.slice.call(event.target.closest("table").querySelectorAll("button[data-date]"));
  var index = all.indexOf(event.target) + steps[event.key];
  if (index < 0 || index >= all.length) { return; }
  event.target.setAttribute("tabindex", "-1");
  all[index].setAttribute("tabindex", "0");
  all[index].focus();
}

function pickDay(date, slotsNode, onPick, calendarNode) {
  return function (event) {
    if (event.currentTarget.getAttribute("aria-disabled") === "true") { return; }
    clearAlert();
    state.date = date;
    calendarNode.querySelectorAll("button[data-date]").forEach(function (b) {
      if (!b.hasAttribute("aria-disabled")) { b.setAttribute("aria-pressed", String(b.getAttribute("data-date") === date)); }
    });
    refreshDay(slotsNode, onPick, false);
  };
}

/** Asks for one day afresh (the month view may be a minute old) and lists its starts. */
function refreshDay(slotsNode, onPick, focusFirst) {
  clear(slotsNode);
  slotsNode.appendChild(el("p", { class: "hint", text: t.loadingTimes }));
  var query = "?service_id=" + encodeURIComponent(state.service.id) + "&party_size=" + state.party + "&date=" + state.date
    + areaQuery();
  return request("GET", "/slots" + query).then(function (result) {
    var day = result.days[0];
    state.days[day.date] = day;
    drawSlots(slotsNode, day, onPick);
    var day0 = document.querySelector("button[data-date='" + day.date + "']");
    if (day0 && !day.bookable && !(onPick === hold && waitable(day))) {
      day0.setAttribute("aria-disabled", "true"); day0.removeAttribute("aria-pressed");
    }
    if (focusFirst) {
      var first = slotsNode.querySelector("button");
      if (first) { first.focus(); } else { slotsNode.querySelector("h3").focus(); }
    }
  }).catch(function (error) { announce(alertNode, problemMessage(error)); });
}

function drawSlots(slotsNode, day, onPick) {
  clear(slotsNode);
  slotsNode.appendChild(el("h3", { tabindex: "-1", text: fmt(t.times, { date: formatDay(day.date) }) }));
  var offerWaitlist = onPick === hold && takesLater(state.page) && (day.bookable || waitable(day));
  if (!day.slots.length) {
    slotsNode.appendChild(el("p", { text: day.reason ? (t[day.reason] || t.noTimes) : t.noTimes }));
    if (offerWaitlist) {
      slotsNode.appendChild(el("p", { class: "hint", text: t.waitlistFullDay }));
      slotsNode.appendChild(waitlistButton(day, "primary"));
    }
    return;
  }
  var periods = day.slots.length > MANY_STARTS ? servicePeriods(day.slots) : [day.slots];
  periods.forEach(function (starts, index) {
    var list = el("ul", { class: "slots" });
    if (periods.length > 1) {
      var id = "period-" + index;
      var first = starts[0], last = starts[starts.length - 1];
      slotsNode.appendChild(el("h4", { class: "period", id: id, text: fmt(t.periodRange, {
        name: t["period_" + partOfDay(first)], from: format.time(first.start_datetime, zone()), to: format.time(last.start_datetime, zone())
      }) }));
      list.setAttribute("aria-labelledby", id);
    }
    starts.forEach(function (slot) {
      list.appendChild(el("li", null, [el("button", {
        type: "button", "data-start": slot.start_datetime, text: format.time(slot.start_datetime, zone()),
        "aria-label": formatDateTime(slot.start_datetime, zone()),
        onclick: function (event) { onPick(slot, event.currentTarget, slotsNode); }
      })]));
    });
    slotsNode.appendChild(list);
  });
  if (offerWaitlist) {
    slotsNode.appendChild(el("p", { class: "hint waitlist-hint", text: t.waitlistNoneSuit }));
    slotsNode.appendChild(waitlistButton(day, "secondary"));
  }
}

/** A day the guest may wait for: fully booked (not closed, not out of reach) on a page that takes the waitlist. */
function waitable(day) {
  return !!(day && !day.bookable && day.reason === "fully_booked" && takesLater(state.page));
}

function waitlistButton(day, style) {
  return el("div", { class: "actions" }, [el("button", {
    type: "button", class: style, id: "join-waitlist", text: t.waitlistDay,
    onclick: function () { clearAlert(); waitlist.renderJoin("later", day.date, day.slots, function () { renderWhen(true); }); }
  })]);
}

/** Starts split where more than an hour passes without one: the venue's service periods (lunch, dinner). */
function servicePeriods(slots) {
  var periods = [[slots[0]]];
  for (var i = 1; i < slots.length; i++) {
    var gap = new Date(slots[i].start_datetime) - new Date(slots[i - 1].start_datetime);
    if (gap > PERIOD_GAP_MS) { periods.push([]); }
    periods[periods.length - 1].push(slots[i]);
  }
  return periods;
}

/** Named by the venue's wall clock (local_time), not the guest's. */
function partOfDay(slot) {
  var hour = parseInt(slot.local_time, 10);
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

// ---------- hold, details, confirmation ----------
function hold(slot, button, slotsNode) {
  clearAlert();
  button.disabled = true;
  // The hold keeps the place while the guest types; their answers go with the confirmation.
  request("POST", "/holds", {
    service_id: state.service.id, party_size: state.party, start_datetime: slot.start_datetime,
    seating_preference: state.area || undefined
  }).then(function (held) {
    state.hold = held;
    renderDetails();
  }).catch(function (error) {
    button.disabled = false;
    if (error.problem.code === "slot_unavailable") {
      announce(alertNode, t.slotTaken);
      refreshDay(slotsNode, hold, true);
    } else {
      announce(alertNode, problemMessage(error));
    }
  });
}

function renderDetails() {
  clear(stepNode);
  var held = state.hold;
  var config = state.page.page_config;
  var form = el("form", { novalidate: true, "aria-labelledby": "details-heading" });
  form.appendChild(el("h2", { id: "details-heading", text: t.details }));
  form.appendChild(el("p", null, [el("strong", { text: held.service_name }), " · " + formatDateTime(held.start_datetime, held.timezone)
    + " · " + people(held.party_size) + (held.seating_preference ? " · " + held.seating_preference.name : "")]));
  var countdown = el("p", { class: "countdown", id: "countdown" });
  form.appendChild(countdown);
  var contactFields = [
    ["first_name", t.firstName, "text", "given-name", true],
    ["last_name", t.lastName, "text", "family-name", true],
    ["email", t.email, "email", "email", true],
    ["phone", t.phone, "tel", "tel", false]
  ];
  contactFields.forEach(function (f) {
    var id = "contact-" + f[0];
    var input = el("input", { type: f[2], id: id, name: f[0], autocomplete: f[3], required: f[4], "aria-required": f[4] ? "true" : null });
    if (state.contact[f[0]]) { input.value = state.contact[f[0]]; }
    input.addEventListener("input", function () { state.contact[f[0]] = input.value; });
    form.appendChild(el("div", { class: "field", "data-field": "contact." + f[0] }, [
      el("label", { for: id, text: f[1] + (f[4] ? " (" + t.required + ")" : "") }), input]));
  });
  state.page.custom_fields.forEach(function (field) { form.appendChild(customField(field)); });
  // Answers are kept as they are typed, so choosing another time does not lose them.
  form.addEventListener("input", function () { collectAnswers(form); });
  form.addEventListener("change", function () { collectAnswers(form); });
  var notes = el("textarea", { id: "notes", name: "notes", maxlength: "2000" });
  notes.value = state.notes;
  notes.addEventListener("input", function () { state.notes = notes.value; });
  form.appendChild(el("div", { class: "field", "data-field": "customer_notes" }, [el("label", { for: "notes", text: t.notes }), notes]));
  if (config.policy_text) {
    var policy = el("input", { type: "checkbox", id: "policy", name: "policy", checked: state.policyAccepted, "aria-describedby": "policy-text" });
    policy.addEventListener("change", function () { state.policyAccepted = policy.checked; });
    form.appendChild(el("div", { class: "field card", "data-field": "policy_accepted" }, [
      el("h3", { text: t.policy }),
      el("p", { class: "prose", id: "policy-text", text: config.policy_text }),
      el("label", { class: "check", for: "policy" }, [policy, el("span", { text: t.acceptPolicy })])
    ]));
  }
  var submit = el("button", { type: "submit", class: "primary", text: t.confirm });
  var other = el("button", { type: "button", class: "secondary", text: t.changeTime, onclick: function () {
    stopTimer();
    clearAlert();
    renderWhen(true);
  } });
  form.appendChild(el("div", { class: "actions" }, [submit, other]));
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearAlert();
    clearFieldErrors(form);
    collectAnswers(form);
    submit.disabled = true;
    request("POST", "/bookings/" + encodeURIComponent(held.token) + "/confirm", {
      contact: {
        first_name: state.contact.first_name || null, last_name: state.contact.last_name || null,
        email: state.contact.email || null, phone: state.contact.phone || null
      },
      custom_fields_by_key: state.answers,
      customer_notes: state.notes || null,
      policy_accepted: config.policy_text ? state.policyAccepted : null
    }).then(function (booking) {
      stopTimer();
      state.booking = booking;
      renderDone(booking);
    }).catch(function (error) {
      submit.disabled = false;
      if (error.problem.code === "hold_expired") {
        stopTimer();
        renderWhen(false);
        announce(alertNode, t.holdExpired);
        focusHeading(stepNode);
      } else if (error.problem.code === "validation_failed") {
        announce(alertNode, t.fixErrors);
        showFieldErrors(error.problem, form);
      } else {
        announce(alertNode, problemMessage(error));
      }
    });
  });
  stepNode.appendChild(form);
  startTimer(countdown, new Date(held.hold_expires_at).getTime());
  focusHeading(stepNode);
}

function startTimer(node, expiresAt) {
  stopTimer();
  var lastMinute = null;
  var tick = function () {
    var left = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
    var text = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    node.textContent = fmt(t.heldFor, { time: text });
    // The live region speaks once a minute, not every second.
    var minute = Math.ceil(left / 60);
    if (minute !== lastMinute) {
      lastMinute = minute;
      liveNode.textContent = left >= 60 ? fmt(t.heldMinute, { n: minute }) : t.heldSeconds;
    }
    if (left === 0) {
      stopTimer();
      renderWhen(false);
      announce(alertNode, t.holdExpired);
      focusHeading(stepNode);
    }
  };
  tick();
  state.timer = window.setInterval(tick, 1000);
}
function stopTimer() { if (state.timer) { window.clearInterval(state.timer); state.timer = null; } }

function clearFieldErrors(form) {
  form.querySelectorAll(".field-error").forEach(function (n) { n.remove(); });
  form.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
}

/** The server's message, in the page's language where we know the case; the server's own words otherwise. */
function fieldMessage(error) {
  if (error.field === "policy_accepted") { return t.policyRequired; }
  if (/is required/.test(error.message)) { return t.fieldRequired; }
  if (error.field === "contact.email") { return t.invalidEmail; }
  if (error.field === "contact.phone") { return t.invalidPhone; }
  return error.message;
}

function showFieldErrors(problem, scope) {
  var firstInput = null;
  (problem.errors || []).forEach(function (error, index) {
    var wrapper = scope.querySelector("[data-field='" + error.field.replace(/'/g, "") + "']");
    if (!wrapper) { return; }
    var input = wrapper.querySelector("input, select, textarea");
    var id = "error-" + index;
    var message = el("p", { class: "field-error", id: id, text: fieldMessage(error) });
    wrapper.appendChild(message);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? described + " " + id : id);
      if (!firstInput) { firstInput = input; }
    }
  });
  if (firstInput) { firstInput.focus(); }
}

function manageUrl(booking) { return window.location.origin + booking.manage_path; }

// "Add to calendar": the booking as an .ics file, with the same event UID as the invites of the guest's emails.
function calendarLink(token) {
  return el("p", { class: "calendar-link" }, [el("a", {
    href: api + "/bookings/" + encodeURIComponent(token) + "/calendar.ics",
    id: "calendar-link", download: "booking.ics", text: t.addToCalendar
  })]);
}

function renderDone(booking) {
  clear(stepNode);
  var config = state.page.page_config;
  var pending = booking.status === "pending";
  var section = el("section", { class: "card", "aria-labelledby": "done-heading" });
  section.appendChild(el("h2", { id: "done-heading", text: pending ? t.pendingTitle : t.confirmedTitle }));
  if (pending) { section.appendChild(el("p", { text: t.pendingText })); }
  if (config.thank_you_message) { section.appendChild(el("p", { class: "prose", text: config.thank_you_message })); }
  section.appendChild(summary(booking, true));
  section.appendChild(el("p", { text: t.manageText }));
  section.appendChild(el("p", { class: "manage-link" }, [el("a", { href: booking.manage_path, id: "manage-link", text: manageUrl(booking) })]));
  section.appendChild(calendarLink(booking.token));
  stepNode.appendChild(section);
  focusHeading(stepNode);
}

function summary(booking, withCode) {
  var list = el("dl", { class: "summary" });
  var add = function (term, value, cls) { list.appendChild(el("dt", { text: term })); list.appendChild(el("dd", { class: cls, text: value })); };
  if (withCode) { add(t.code, booking.confirmation_code, "code"); }
  add(t.summaryService, booking.service_name);
  add(t.summaryWhen, formatDateTime(booking.start_datetime, booking.timezone));
  add(t.summaryParty, String(booking.party_size));
  if (booking.seating_preference) {
    // Whether the guest sits where they asked: a full area seats them elsewhere rather than refusing the booking.
    add(t.summaryArea, booking.seating_preference_met === false
      ? fmt(t.areaNotMet, { area: booking.seating_preference.name }) : booking.seating_preference.name);
  }
  if (booking.first_name || booking.last_name) { add(t.summaryName, [booking.first_name, booking.last_name].filter(Boolean).join(" ")); }
  add(t.summaryStatus, t["status_" + booking.status] || booking.status);
  return list;
}

// ---------- manage page ----------
function startManage() {
  var match = window.location.pathname.match(/\/manage\/([A-Za-z0-9_-]+)$/);
  state.token = match ? match[1] : "";
  request("GET", "/bookings/" + encodeURIComponent(state.token)).then(function (booking) {
    state.booking = booking;
    // A page that no longer takes bookings still shows the guest their booking, from the booking's own copy.
    var fallback = { name: t.yourBooking, organization_name: booking.organization_name, page_config: booking.page_config, services: [] };
    return booking.link_active ? request("GET", "").catch(function () { return fallback; }) : fallback;
  }).then(function (page) {
    state.page = page;
    brand(state.page.page_config);
    clear(main);
    main.appendChild(header(state.page));
    alertNode = el("div", { class: "alert", role: "alert", "aria-live": "assertive" });
    liveNode = el("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
    stepNode = el("div");
    main.appendChild(alertNode);
    main.appendChild(liveNode);
    main.appendChild(stepNode);
    renderManage(false);
  }).catch(function (error) {
    clear(main);
    main.appendChild(el("h1", { tabindex: "-1", text: error.status === 404 ? t.notFound : t.generic }));
  });
}

function renderManage(focus, message) {
  clear(stepNode);
  var booking = state.booking;
  var section = el("section", { class: "card", "aria-labelledby": "manage-heading" });
  section.appendChild(el("h2", { id: "manage-heading", text: t.yourBooking }));
  section.appendChild(summary(booking, true));
  if (booking.status === "confirmed" || booking.status === "pending") { section.appendChild(calendarLink(state.token)); }
  if (booking.can_change) {
    if (booking.change_deadline) {
      section.appendChild(el("p", { class: "hint", text: fmt(t.changeUntil, { date: formatDateTime(booking.change_deadline, booking.timezone) }) }));
    }
    var actions = el("div", { class: "actions" });
    if (booking.link_active) {
      actions.appendChild(el("button", { type: "button", class: "secondary", id: "reschedule", text: t.reschedule, onclick: startReschedule }));
    }
    actions.appendChild(el("button", { type: "button", class: "danger", id: "cancel", text: t.cancelBooking, onclick: function () { askCancel(section, actions); } }));
    section.appendChild(actions);
  } else if (booking.status !== "cancelled") {
    section.appendChild(el("p", { class: "hint", text: t.noChanges }));
  }
  stepNode.appendChild(section);
  if (message) { announce(alertNode, message, "success"); }
  if (focus) { focusHeading(stepNode); }
}

function askCancel(section, actions) {
  actions.hidden = true;
  var reallyHeading = el("h3", { tabindex: "-1", text: t.reallyCancel });
  var yes = el("button", { type: "button", class: "danger", id: "confirm-cancel", text: t.yesCancel });
  var no = el("button", { type: "button", class: "secondary", text: t.keep, onclick: function () { renderManage(true); } });
  var box = el("div", { class: "card", role: "group", "aria-labelledby": "really" }, [reallyHeading, el("div", { class: "actions" }, [yes, no])]);
  reallyHeading.id = "really";
  yes.addEventListener("click", function () {
    yes.disabled = true;
    request("POST", "/bookings/" + encodeURIComponent(state.token) + "/cancel", {}).then(function (booking) {
      state.booking = booking;
      renderManage(true, t.cancelled);
    }).catch(function (error) {
      yes.disabled = false;
      announce(alertNode, problemMessage(error));
    });
  });
  section.appendChild(box);
  reallyHeading.focus();
}

function startReschedule() {
  clearAlert();
  var booking = state.booking;
  state.service = state.page.services.filter(function (s) { return s.id === booking.service_id; })[0]
    || { id: booking.service_id, name: booking.service_name, timezone: booking.timezone, min_party_size: 1 };
  state.party = booking.party_size;
  // A move keeps the area the guest asked for, so the calendar shows that area's times while the page offers it.
  state.area = booking.seating_preference && areaName(booking.seating_preference.id) ? booking.seating_preference.id : null;
  state.month = null;
  state.date = null;
  renderWhen(true, reschedule, t.reschedule);
}

function reschedule(slot, button, slotsNode) {
  clearAlert();
  button.disabled = true;
  request("POST", "/bookings/" + encodeURIComponent(state.token) + "/reschedule", { start_datetime: slot.start_datetime })
    .then(function (booking) {
      state.booking = booking;
      renderManage(true, t.rescheduled);
    }).catch(function (error) {
      button.disabled = false;
      announce(alertNode, problemMessage(error));
      if (error.problem.code === "slot_unavailable") { refreshDay(slotsNode, reschedule, true); }
    });
}

// ---------- waitlist ----------
/** Draws the page's frame (header, alert regions, step) for a screen outside the booking flow. */
function startScreen(page) {
  state.page = page;
  brand(page.page_config);
  clear(main);
  main.appendChild(header(page));
  alertNode = el("div", { class: "alert", role: "alert", "aria-live": "assertive" });
  liveNode = el("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
  stepNode = el("div");
  main.appendChild(alertNode);
  main.appendChild(liveNode);
  main.appendChild(stepNode);
}

var waitlist = waitlistScreens({
  el: el, t: t, fmt: fmt, format: format, state: state, clear: clear, people: people, request: request,
  announce: announce, problemMessage: problemMessage, focusHeading: focusHeading, clearAlert: function () { clearAlert(); },
  clearFieldErrors: clearFieldErrors, showFieldErrors: showFieldErrors, startScreen: startScreen,
  stepNode: function () { return stepNode; }, alertNode: function () { return alertNode; },
  fail: function (message) { clear(main); main.appendChild(el("h1", { tabindex: "-1", text: message })); }
});

if (view === "manage") { startManage(); } else if (view === "waitlist") { waitlist.startStatus(); } else { startBooking(); }
