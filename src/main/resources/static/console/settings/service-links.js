// The resources a service uses (/reservation-service-resources), shown while a service is being edited: without
// one a service cannot be booked.
import { listAll, post, del } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, numberOf } from "../dom.js";
import { typeName } from "./owners.js";

var MODES = ["required", "any_available", "optional"];

export function serviceLinks(ctx, container, service) {
  var t = ctx.t;
  clear(container);
  var line = statusLine();
  var listArea = el("div", { class: "list-area" });
  var resourceControl = select([], null, { name: "resource_id" });
  var mode = select(MODES.map(function (m) { return [m, t["assignment_" + m]]; }), "required", { name: "assignment_mode" });
  var quantity = input("number", 1, { name: "quantity", min: "1", step: "1", inputmode: "numeric" });
  var form = el("form", { class: "card links-form", novalidate: true, "aria-labelledby": "service-links-title" }, [
    el("h3", { id: "service-links-title", text: fmt(t.serviceResources, { name: service.name }) }),
    listArea,
    el("div", { class: "grid" }, [
      field(t.resource, resourceControl, { apiField: "resource_id" }),
      field(t.assignmentMode, mode, { apiField: "assignment_mode" }),
      field(t.quantity, quantity, { apiField: "quantity" })
    ]),
    el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.addLink })]),
    line
  ]);
  container.appendChild(form);
  var resources = [];

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    post("/reservation-service-resources", {
      service_id: service.id, resource_id: resourceControl.value || null, assignment_mode: mode.value,
      quantity: numberOf(quantity)
    }).then(function () { say(line, t.saved, false); load(); })
      .catch(function (error) { showProblem(form, line, error, t); });
  });

  function nameOf(id) {
    var r = resources.filter(function (x) { return x.id === id; })[0];
    return r ? r.name : id;
  }

  function load() {
    Promise.all([
      listAll("/reservation-resources?$sort[name]=1"),
      listAll("/reservation-service-resources?service_id=" + encodeURIComponent(service.id))
    ]).then(function (answers) {
      resources = answers[0];
      var chosen = resourceControl.value;
      clear(resourceControl);
      resources.forEach(function (r) {
        resourceControl.appendChild(el("option", { value: r.id, text: r.name + " (" + typeName(t, r.resource_type) + ")" }));
      });
      if (chosen) { resourceControl.value = chosen; }
      clear(listArea);
      var links = answers[1];
      if (links.length === 0) { listArea.appendChild(el("p", { class: "empty", text: t.noLinks })); return; }
      listArea.appendChild(el("ul", { class: "items" }, links.map(function (link) {
        var name = nameOf(link.resource_id);
        return el("li", { class: "item" }, [
          el("div", { class: "item-main" }, [
            el("strong", { text: name }),
            el("span", { class: "meta", text: t["assignment_" + link.assignment_mode] + " · " + fmt(t.quantityOf, { n: link.quantity }) })
          ]),
          el("div", { class: "item-actions" }, [button(t.unlink, function () {
            del("/reservation-service-resources/" + link.id).then(function () { say(line, t.deleted, false); load(); })
              .catch(function (error) { showProblem(form, line, error, t); });
          }, { class: "danger", "aria-label": t.unlink + " " + name })])
        ]);
      })));
    }).catch(function (error) { showProblem(form, line, error, t); });
  }
  load();
}
