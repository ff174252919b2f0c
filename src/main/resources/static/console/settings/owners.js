// Hours and closures belong to the venue (resource_id null) or to one resource: the picker both screens share.
import { listAll } from "../api.js";
import { el, field, select, fmt } from "../dom.js";

export function typeName(t, type) { return t["type_" + type] || type; }

/** Resolves to {control, node}; calls onChange(resourceIdOrNull) when the owner changes. */
export function ownerPicker(ctx, onChange) {
  return listAll("/reservation-resources?$sort[name]=1").then(function (resources) {
    var options = [["", ctx.t.ownerOrganization]].concat(resources.map(function (r) {
      return [r.id, fmt(ctx.t.ownerResource, { name: r.name, type: typeName(ctx.t, r.resource_type) })];
    }));
    var control = select(options, "", { name: "owner" });
    control.addEventListener("change", function () { onChange(control.value || null); });
    return { control: control, node: el("div", { class: "owner" }, [field(ctx.t.owner, control)]) };
  });
}

export function ownerQuery(resourceId) {
  return "resource_id=" + (resourceId ? encodeURIComponent(resourceId) : "null");
}
