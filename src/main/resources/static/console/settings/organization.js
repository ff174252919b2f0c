// The venue itself (/organizations/{id}): name, address for links, time zone, currency, language and contact
// details. One form; a save sends only what changed (PATCH keeps the rest) and a refusal is shown at its field.
import { get, patch } from "../api.js";
import { el, field, input, statusLine, say, showProblem, clearErrors, fmt } from "../dom.js";

var FIELDS = [
  ["name", "orgName", "text", true], ["slug", "orgSlug", "text", false], ["timezone", "orgTimezone", "text", true],
  ["currency", "orgCurrency", "text", false], ["locale", "orgLocale", "text", false],
  ["country", "orgCountry", "text", false], ["email", "email", "email", false], ["phone", "orgPhone", "tel", false],
  ["website", "orgWebsite", "url", false], ["address", "orgAddress", "textarea", false]
];

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.organizationIntro }));
  var line = statusLine();
  var controls = {};
  var zones = el("datalist", { id: "time-zones" }, (Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [])
    .map(function (zone) { return el("option", { value: zone }); }));
  var grid = el("div", { class: "grid" }, FIELDS.map(function (f) {
    var control = f[2] === "textarea" ? el("textarea", { name: f[0], rows: "3" })
      : input(f[2], null, { name: f[0], autocomplete: "off", list: f[0] === "timezone" ? "time-zones" : null });
    controls[f[0]] = control;
    var node = field(t[f[1]], control, { apiField: f[0], required: f[3], hint: t[f[1] + "Hint"] });
    if (f[2] === "textarea") { node.classList.add("wide"); }
    return node;
  }));
  var form = el("form", { class: "card", novalidate: true, "aria-labelledby": "organization-form-title" }, [
    el("h3", { id: "organization-form-title", text: t.organizationDetails }), grid, zones,
    el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.save })])
  ]);
  root.appendChild(form);
  root.appendChild(line);
  var current = null;

  function show(organization) {
    current = organization;
    FIELDS.forEach(function (f) {
      var value = organization[f[0]];
      controls[f[0]].value = value === null || value === undefined ? "" : String(value);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    var body = {};
    FIELDS.forEach(function (f) {
      var text = controls[f[0]].value.trim();
      var value = text === "" ? null : text;
      if (value !== (current[f[0]] === undefined ? null : current[f[0]])) { body[f[0]] = value; }
    });
    if (Object.keys(body).length === 0) { say(line, t.nothingChanged, false); return; }
    patch("/organizations/" + current.id, body).then(function (saved) {
      show(saved);
      say(line, fmt(t.savedName, { name: saved.name }), false);
    }).catch(function (error) { showProblem(form, line, error, t); });
  });

  get("/organizations/" + ctx.session.organization_id).then(show)
    .catch(function (error) { showProblem(form, line, error, t); });
}
