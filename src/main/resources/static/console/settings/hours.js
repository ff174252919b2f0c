// Weekly hours as a week grid: each day its windows, added, changed or removed here and saved together with one
// PUT /reservation-resource-availability/week, which checks them all and changes nothing if one is wrong.
import { listAll, put } from "../api.js";
import { el, clear, fmt, input, button, statusLine, say, showProblem, clearErrors, uid } from "../dom.js";
import { VENUE, ownerPicker, ownerQuery } from "./owners.js";

// Monday first, as the week is read in both languages; the API counts 0 = Sunday.
var DAYS = [1, 2, 3, 4, 5, 6, 0];

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.hoursIntro }));
  var grid = el("div", { class: "week-area" });
  var owner = VENUE;
  ownerPicker(ctx, function (picked) { owner = picked; load(); }).then(function (picker) {
    root.insertBefore(picker.node, grid);
    load();
  }).catch(function (error) { showProblem(root, line, error, t); });
  var line = statusLine();
  root.appendChild(grid);
  root.appendChild(line);

  function load() {
    clear(grid);
    grid.appendChild(el("p", { class: "loading", text: t.loading }));
    listAll("/reservation-resource-availability?" + ownerQuery(owner) + "&$sort[day_of_week]=1&$sort[start_time]=1")
      .then(function (windows) {
        var week = {};
        DAYS.forEach(function (d) { week[d] = []; });
        windows.forEach(function (w) { week[w.day_of_week].push({ start: w.start_time, end: w.end_time }); });
        draw(week);
      }).catch(function (error) { showProblem(root, line, error, t); });
  }

  function draw(week) {
    clear(grid);
    var form = el("form", { class: "week", novalidate: true });
    var days = el("div", { class: "days" });
    DAYS.forEach(function (d) { days.appendChild(dayRow(d, week)); });
    form.appendChild(days);
    form.appendChild(el("div", { class: "actions" }, [
      button(t.copyMonday, function () {
        [2, 3, 4, 5].forEach(function (d) {
          week[d] = week[1].map(function (w) { return { start: w.start, end: w.end }; });
        });
        draw(week);
      }, { class: "secondary" }),
      el("button", { type: "submit", class: "primary", text: t.saveWeek })
    ]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(form, week);
    });
    grid.appendChild(form);
  }

  function dayRow(d, week) {
    var dayName = t["day" + d];
    var list = el("ul", { class: "windows" });
    if (week[d].length === 0) { list.appendChild(el("li", { class: "closed", text: t.closed })); }
    week[d].forEach(function (w, i) {
      var start = input("time", w.start, { class: "time", required: true });
      var end = input("time", w.end, { class: "time", required: true });
      var note = el("span", { class: "note" });
      var remove = button("×", function () {
        week[d].splice(i, 1);
        draw(week);
        var next = grid.querySelector("[data-add='" + d + "']");
        if (next) { next.focus(); }
      }, { class: "remove" });
      function describe() {
        w.start = start.value;
        w.end = end.value;
        note.textContent = w.start && w.end && w.start === "00:00" && w.end === "00:00" ? t.wholeDay
          : (w.start && w.end && w.end <= w.start ? t.nextDay : "");
        remove.setAttribute("aria-label", fmt(t.removeWindow, { day: dayName, start: w.start, end: w.end }));
      }
      start.addEventListener("input", describe);
      end.addEventListener("input", describe);
      start.setAttribute("data-window", d + "/" + i);
      end.setAttribute("data-window", d + "/" + i);
      describe();
      var which = fmt(t.windowOf, { day: dayName, n: i + 1 }) + " ";
      list.appendChild(el("li", { class: "window" }, [
        timeField(which, t.opens, start),
        timeField(which, t.closes, end),
        note,
        remove,
        el("p", { id: start.id + "-error", class: "field-error", hidden: true }),
        el("p", { id: end.id + "-error", class: "field-error", hidden: true })
      ]));
    });
    var add = button("+ " + t.addWindow, function () {
      var last = week[d][week[d].length - 1];
      week[d].push(last ? { start: last.end, end: last.end < "23:00" ? addHours(last.end, 1) : "00:00" }
        : { start: "09:00", end: "17:00" });
      draw(week);
      var inputs = grid.querySelectorAll("[data-window^='" + d + "/'].time");
      if (inputs.length) { inputs[inputs.length - 2].focus(); }
    }, { class: "add", "data-add": String(d), "aria-label": fmt(t.addWindowTo, { day: dayName }) });
    return el("fieldset", { class: "day" }, [el("legend", { text: dayName }), list, add]);
  }

  function save(form, week) {
    clearErrors(form);
    var windows = [];
    DAYS.forEach(function (d) {
      week[d].forEach(function (w, i) {
        var index = windows.length;
        windows.push({ day_of_week: d, start_time: w.start || null, end_time: w.end || null });
        var pair = form.querySelectorAll("[data-window='" + d + "/" + i + "']");
        pair[0].setAttribute("data-field", "windows[" + index + "].start_time");
        pair[1].setAttribute("data-field", "windows[" + index + "].end_time");
      });
    });
    put("/reservation-resource-availability/week", { resource_id: owner.resource_id, area_id: owner.area_id, windows: windows })
      .then(function () { say(line, t.weekSaved, false); })
      .catch(function (error) { showProblem(form, line, error, t); });
  }
}

/** "Opens" on screen; "Monday, window 1, Opens" for a screen reader. Errors go below the whole window. */
function timeField(which, label, control) {
  control.id = uid("time");
  return el("div", { class: "field" }, [
    el("label", { for: control.id }, [el("span", { class: "visually-hidden", text: which }), label]),
    control
  ]);
}

function addHours(time, hours) {
  var parts = time.split(":");
  var h = (Number(parts[0]) + hours) % 24;
  return (h < 10 ? "0" : "") + h + ":" + parts[1];
}
