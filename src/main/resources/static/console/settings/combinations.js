// Table combinations (/reservation-resource-combinations): tables pushed together for a larger party. The
// engine offers a combination only when no single table seats the party.
import { listAll } from "../api.js";
import { editor } from "./editor.js";
import { el, fmt, uid } from "../dom.js";

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.combinationsIntro }));
  var loading = el("p", { class: "status", role: "status", text: t.loading });
  root.appendChild(loading);
  listAll("/reservation-resources?resource_type=table&$sort[name]=1").then(function (tables) {
    loading.remove();
    var names = {};
    tables.forEach(function (table) { names[table.id] = table.name; });
    editor(ctx, root, {
      id: "combinations",
      path: "/reservation-resource-combinations",
      newTitle: t.newCombination,
      editTitle: function (c) { return fmt(t.editCombination, { name: c.name }); },
      title: function (c) { return c.name; },
      summary: function (c) {
        return fmt(t.combinationSummary, {
          tables: c.resource_ids.map(function (id) { return names[id] || "?"; }).join(" + "),
          min: c.min_party_size, max: c.max_party_size
        });
      },
      deleteQuestion: function (c) { return fmt(t.reallyDeleteCombination, { name: c.name }); },
      defaults: { resource_ids: [], min_party_size: 1 },
      fields: [
        { key: "name", label: t.name, required: true },
        tablesField(t, tables),
        { key: "min_party_size", label: t.minParty, kind: "number" },
        { key: "max_party_size", label: t.maxParty, kind: "number", required: true }
      ]
    });
  }).catch(function () {
    loading.textContent = t.generic;
    loading.setAttribute("role", "alert");
  });
}

/** One checkbox per table, in a fieldset that carries the API's field name for its errors. */
function tablesField(t, tables) {
  return {
    key: "resource_ids", custom: true, wide: true,
    build: function () {
      var id = uid("tables");
      var boxes = tables.map(function (table) {
        var box = el("input", { type: "checkbox", id: id + "-" + table.id, value: table.id, name: "resource_ids" });
        return el("span", { class: "choice" }, [box, el("label", { for: box.id, text: table.name })]);
      });
      var group = el("fieldset", { id: id, class: "choices", "data-field": "resource_ids", tabindex: "-1",
        "aria-describedby": id + "-hint" }, [
        el("legend", {}, [t.combinationTables, el("span", { class: "req", text: " *" })])
      ].concat(boxes.length ? boxes : [el("p", { text: t.noTables })]));
      var node = el("div", { class: "field wide" }, [
        group,
        el("p", { id: id + "-hint", class: "hint", text: t.combinationTablesHint }),
        el("p", { id: id + "-error", class: "field-error", hidden: true })
      ]);
      return { node: node, group: group };
    },
    read: function (control) {
      return Array.prototype.map.call(control.group.querySelectorAll("input:checked"), function (box) { return box.value; });
    },
    write: function (control, value) {
      var chosen = value || [];
      control.group.querySelectorAll("input").forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    }
  };
}
