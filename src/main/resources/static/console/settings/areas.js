// Areas of the floor (/reservation-areas): dining room, terrace, bar. Resources stand in at most one (chosen
// in Resources); a guest's seating preference and the slot search can name one.
import { editor } from "./editor.js";
import { el, fmt } from "../dom.js";

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.areasIntro }));
  editor(ctx, root, {
    id: "areas",
    path: "/reservation-areas",
    newTitle: t.newArea,
    editTitle: function (a) { return fmt(t.editArea, { name: a.name }); },
    title: function (a) { return a.name; },
    summary: function (a) { return a.description || ""; },
    deleteQuestion: function (a) { return fmt(t.reallyDeleteArea, { name: a.name }); },
    fields: [
      { key: "name", label: t.name, required: true },
      { key: "description", label: t.description, kind: "textarea", wide: true }
    ]
  });
}
