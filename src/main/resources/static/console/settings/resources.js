// Resources (/reservation-resources): tables, people, rooms and equipment.
import { listAll } from "../api.js";
import { editor } from "./editor.js";
import { el, fmt } from "../dom.js";
import { typeName } from "./owners.js";

var TYPES = ["table", "person", "room", "equipment"];

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.resourcesIntro }));
  var typeField = {
    key: "resource_type", label: t.resourceType, kind: "select", required: true,
    options: function () { return TYPES.map(function (type) { return [type, typeName(t, type)]; }); },
    // A type made through the API that is not one of ours stays choosable when its resource is edited.
    write: function (control, value) {
      if (value && TYPES.indexOf(value) < 0 && !control.querySelector("option[value='" + CSS.escape(value) + "']")) {
        control.appendChild(el("option", { value: value, text: value }));
      }
      control.value = value || "table";
    }
  };
  // Areas and users are read first: their names are the choices of two fields.
  var loading = el("p", { class: "status", role: "status", text: t.loading });
  root.appendChild(loading);
  Promise.all([listAll("/reservation-areas?$sort[name]=1"), listAll("/users?$sort[name]=1")]).then(function (lists) {
    loading.remove();
    edit(ctx, root, typeField, lists[0], lists[1]);
  }).catch(function () {
    loading.textContent = t.generic;
    loading.setAttribute("role", "alert");
  });
}

function edit(ctx, root, typeField, areas, users) {
  var t = ctx.t;
  editor(ctx, root, {
    id: "resources",
    path: "/reservation-resources",
    newTitle: t.newResource,
    editTitle: function (r) { return fmt(t.editResource, { name: r.name }); },
    title: function (r) { return r.name; },
    summary: function (r) {
      return fmt(t.resourceSummary, { type: typeName(t, r.resource_type), capacity: r.capacity === null ? "–" : r.capacity })
        + (r.is_active ? "" : " · " + t.inactive);
    },
    deleteQuestion: function (r) { return fmt(t.reallyDeleteResource, { name: r.name }); },
    defaults: { resource_type: "table", capacity: 2, is_active: true },
    fields: [
      { key: "name", label: t.name, required: true },
      typeField,
      { key: "capacity", label: t.capacity, kind: "number" },
      { key: "min_party_size", label: t.minParty, kind: "number" },
      { key: "units", label: t.units, kind: "number" },
      { key: "area_id", label: t.area, kind: "select", options: function () {
        return [["", t.noArea]].concat(areas.map(function (a) { return [a.id, a.name]; }));
      } },
      { key: "user_id", label: t.resourceUser, kind: "select", hint: t.resourceUserHint, options: function () {
        return [["", t.noUser]].concat(users.map(function (u) { return [u.id, u.name + " (" + u.email + ")"]; }));
      } },
      { key: "is_active", label: t.isActive, kind: "checkbox" }
    ]
  });
}
