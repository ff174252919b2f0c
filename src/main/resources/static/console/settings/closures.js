// Closures and special hours (/reservation-resource-exceptions) of the venue or of one resource.
import { listAll, post, del } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, textOf } from "../dom.js";
import { VENUE, ownerPicker, ownerQuery } from "./owners.js";

export function render(ctx, root) {
  var t = ctx.t;
  var owner = VENUE;
  root.appendChild(el("p", { class: "intro", text: t.closuresIntro }));
  var listArea = el("div", { class: "list-area" });
  var line = statusLine();

  var date = input("date", null, { name: "date" });
  var type = select([["blocked", t.type_blocked], ["special_hours", t.type_special_hours]], "blocked", { name: "exception_type" });
  var start = input("time", null, { name: "start_time" });
  var end = input("time", null, { name: "end_time" });
  var reason = input("text", null, { name: "reason", maxlength: "500" });
  var yearly = input("checkbox", false, { name: "is_recurring_yearly" });
  var times = el("div", { class: "row" }, [
    field(t.start, start, { apiField: "start_time" }), field(t.end, end, { apiField: "end_time" })
  ]);
  function showTimes() { times.hidden = type.value !== "special_hours"; }
  type.addEventListener("change", showTimes);
  showTimes();
  var form = el("form", { class: "card", novalidate: true }, [
    el("div", { class: "row" }, [
      field(t.date, date, { apiField: "date", required: true }),
      field(t.exceptionType, type, { apiField: "exception_type" })
    ]),
    times,
    field(t.reason, reason, { apiField: "reason" }),
    field(t.yearly, yearly, { apiField: "is_recurring_yearly" }),
    el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.addClosure })])
  ]);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    var body = {
      resource_id: owner.resource_id, area_id: owner.area_id, date: date.value || null, exception_type: type.value,
      reason: textOf(reason), is_recurring_yearly: yearly.checked
    };
    if (type.value === "special_hours") { body.start_time = start.value || null; body.end_time = end.value || null; }
    post("/reservation-resource-exceptions", body).then(function () {
      say(line, t.saved, false);
      date.value = ""; reason.value = ""; start.value = ""; end.value = ""; yearly.checked = false;
      load();
    }).catch(function (error) { showProblem(form, line, error, t); });
  });

  ownerPicker(ctx, function (picked) { owner = picked; load(); }).then(function (picker) {
    root.insertBefore(picker.node, form);
    load();
  }).catch(function (error) { showProblem(root, line, error, t); });
  root.appendChild(form);
  root.appendChild(line);
  root.appendChild(el("h3", { text: t.closureList }));
  root.appendChild(listArea);

  function load() {
    listAll("/reservation-resource-exceptions?" + ownerQuery(owner) + "&$sort[date]=1").then(function (rows) {
      clear(listArea);
      if (rows.length === 0) { listArea.appendChild(el("p", { class: "empty", text: t.none })); return; }
      listArea.appendChild(el("ul", { class: "items" }, rows.map(function (row) {
        var what = row.exception_type === "special_hours"
          ? t.type_special_hours + " " + row.start_time + "–" + row.end_time : t.type_blocked;
        return el("li", { class: "item" }, [
          el("div", { class: "item-main" }, [
            el("strong", { text: ctx.day(row.date) }),
            el("span", { class: "meta", text: [what, row.reason, row.is_recurring_yearly ? t.yearlyShort : null].filter(Boolean).join(" · ") })
          ]),
          el("div", { class: "item-actions" }, [button(t.remove, function () {
            if (!window.confirm(fmt(t.reallyDeleteClosure, { date: ctx.day(row.date) }))) { return; }
            del("/reservation-resource-exceptions/" + row.id).then(function () { say(line, t.deleted, false); load(); })
              .catch(function (error) { showProblem(root, line, error, t); });
          }, { class: "danger", "aria-label": t.remove + " " + ctx.day(row.date) })])
        ]);
      })));
    }).catch(function (error) { showProblem(root, line, error, t); });
  }
}
