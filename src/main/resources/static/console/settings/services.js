// Services (/reservation-services): what guests book, with restaurant turn times by party size.
import { editor } from "./editor.js";
import { el, clear, fmt, input, button, uid } from "../dom.js";
import { serviceLinks } from "./service-links.js";

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.servicesIntro }));
  editor(ctx, root, {
    id: "services",
    path: "/reservation-services",
    newTitle: t.newService,
    editTitle: function (s) { return fmt(t.editService, { name: s.name }); },
    title: function (s) { return s.name; },
    summary: function (s) {
      return fmt(t.serviceSummary, { duration: s.duration_minutes, min: s.min_party_size || 1, max: s.max_party_size || "∞" })
        + (s.is_active ? "" : " · " + t.inactive);
    },
    deleteQuestion: function (s) { return fmt(t.reallyDeleteService, { name: s.name }); },
    whileEditing: function (service, container) { serviceLinks(ctx, container, service); },
    defaults: { duration_minutes: 60, is_public: true, is_active: true, allow_cancellation: true, seating: "separate" },
    fields: [
      { key: "name", label: t.name, required: true },
      { key: "duration_minutes", label: t.duration, kind: "number", required: true },
      { key: "description", label: t.description, kind: "textarea", wide: true },
      { key: "min_party_size", label: t.minParty, kind: "number" },
      { key: "max_party_size", label: t.maxParty, kind: "number" },
      turnTimes(t),
      { key: "buffer_before_minutes", label: t.bufferBefore, kind: "number" },
      { key: "buffer_after_minutes", label: t.bufferAfter, kind: "number" },
      { key: "slot_interval", label: t.slotInterval, kind: "number" },
      { key: "slot_capacity", label: t.slotCapacity, kind: "number" },
      { key: "seating", label: t.seating, kind: "select", options: function () {
        return [["separate", t.seating_separate], ["shared", t.seating_shared]];
      } },
      { key: "max_advance_days", label: t.maxAdvanceDays, kind: "number" },
      { key: "min_advance_hours", label: t.minAdvanceHours, kind: "number" },
      { key: "cancellation_deadline_hours", label: t.cancellationDeadline, kind: "number" },
      { key: "requires_confirmation", label: t.requiresConfirmation, kind: "checkbox" },
      { key: "allow_cancellation", label: t.allowCancellation, kind: "checkbox" },
      { key: "is_public", label: t.isPublic, kind: "checkbox" },
      { key: "is_active", label: t.isActive, kind: "checkbox" }
    ]
  });
}

/** Rows of "parties of up to N stay M minutes", each pair named as the API names it in its errors. */
function turnTimes(t) {
  var rows = [];
  var list = el("ul", { class: "turn-times" });
  var titleId = uid("turn");
  var node = el("fieldset", { class: "field wide turn-times-field", "aria-describedby": titleId + "-hint" }, [
    el("legend", { text: t.turnTimes }),
    el("p", { id: titleId + "-hint", class: "hint", text: t.turnTimesHint }),
    list
  ]);
  var add = button("+ " + t.addTurnTime, function () {
    var last = rows[rows.length - 1];
    rows.push({ max_party_size: last ? Number(last.max_party_size) + 2 : 2, duration_minutes: last ? last.duration_minutes : 90 });
    draw();
    var sizes = list.querySelectorAll("input.size");
    sizes[sizes.length - 1].focus();
  }, { class: "add" });
  node.appendChild(add);

  function draw() {
    clear(list);
    rows.forEach(function (row, i) {
      var size = input("number", row.max_party_size, { class: "size", min: "1", step: "1", "data-field": "durations_by_party_size[" + i + "].max_party_size" });
      var minutes = input("number", row.duration_minutes, { class: "minutes", min: "1", step: "1", "data-field": "durations_by_party_size[" + i + "].duration_minutes" });
      size.id = uid("tt-size");
      minutes.id = uid("tt-min");
      size.addEventListener("input", function () { row.max_party_size = size.value; });
      minutes.addEventListener("input", function () { row.duration_minutes = minutes.value; });
      list.appendChild(el("li", { class: "turn-time" }, [
        el("label", { for: size.id, text: t.upTo }), size,
        el("label", { for: minutes.id, text: t.minutesFor }), minutes,
        button("×", function () { rows.splice(i, 1); draw(); add.focus(); },
          { class: "remove", "aria-label": fmt(t.removeTurnTime, { n: row.max_party_size }) }),
        el("p", { id: size.id + "-error", class: "field-error", hidden: true }),
        el("p", { id: minutes.id + "-error", class: "field-error", hidden: true })
      ]));
    });
  }

  var control = {
    node: node,
    write: function (value) {
      rows = (value || []).map(function (r) { return { max_party_size: r.max_party_size, duration_minutes: r.duration_minutes }; });
      draw();
    },
    read: function () {
      return rows.map(function (r) {
        return { max_party_size: toNumber(r.max_party_size), duration_minutes: toNumber(r.duration_minutes) };
      });
    }
  };
  return {
    key: "durations_by_party_size", custom: true, sendEmpty: false,
    build: function () { return control; },
    read: function (c) { return c.read(); },
    write: function (c, value) { c.write(value); },
    from: function (s) { return (s.durations_by_party_size || []).map(function (r) { return { max_party_size: r.max_party_size, duration_minutes: r.duration_minutes }; }); }
  };
}

function toNumber(value) {
  var text = String(value === null || value === undefined ? "" : value).trim();
  return text === "" ? null : (Number.isFinite(Number(text)) ? Number(text) : text);
}
