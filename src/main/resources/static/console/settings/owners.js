// Hours and closures belong to the venue, to one area (terrace, bar) or to one resource: the picker both screens
// share. An owner is {resource_id, area_id}, both null for the venue.
import { listAll } from "../api.js";
import { el, field, select, fmt } from "../dom.js";

export function typeName(t, type) { return t["type_" + type] || type; }

export var VENUE = { resource_id: null, area_id: null };

/** Resolves to {control, node}; calls onChange(owner) when the owner changes. */
export function ownerPicker(ctx, onChange) {
  return Promise.all([listAll("/reservation-areas?$sort[name]=1"), listAll("/reservation-resources?$sort[name]=1")])
    .then(function (lists) {
      var owners = { "": VENUE };
      var options = [["", ctx.t.ownerOrganization]];
      lists[0].forEach(function (a) {
        owners["area:" + a.id] = { resource_id: null, area_id: a.id };
        options.push(["area:" + a.id, fmt(ctx.t.ownerArea, { name: a.name })]);
      });
      lists[1].forEach(function (r) {
        owners[r.id] = { resource_id: r.id, area_id: null };
        options.push([r.id, fmt(ctx.t.ownerResource, { name: r.name, type: typeName(ctx.t, r.resource_type) })]);
      });
      var control = select(options, "", { name: "owner" });
      control.addEventListener("change", function () { onChange(owners[control.value]); });
      return { control: control, node: el("div", { class: "owner" }, [field(ctx.t.owner, control)]) };
    });
}

/** The list filter for exactly this owner's rows: a resource's, an area's or the venue's. */
export function ownerQuery(owner) {
  return "resource_id=" + (owner.resource_id ? encodeURIComponent(owner.resource_id) : "null")
    + "&area_id=" + (owner.area_id ? encodeURIComponent(owner.area_id) : "null");
}
