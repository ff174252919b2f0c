// Table combinations (/reservation-resource-combinations): tables pushed together for a larger party. The
// engine offers a combination only when no single table seats the party.
import { listAll } from "../api.js";
import { choicesField, editor } from "./editor.js";
import { el, fmt } from "../dom.js";

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
        choicesField({ key: "resource_ids", legend: t.combinationTables, hint: t.combinationTablesHint,
          empty: t.noTables, required: true, items: tables }),
        { key: "min_party_size", label: t.minParty, kind: "number" },
        { key: "max_party_size", label: t.maxParty, kind: "number", required: true }
      ]
    });
  }).catch(function () {
    loading.textContent = t.generic;
    loading.setAttribute("role", "alert");
  });
}
