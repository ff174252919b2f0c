// The organization's custom fields in the console: the definitions (read once per page from /custom-fields),
// one labelled control per active field holding the record's value, what changed as custom_fields_by_key,
// and the server's refusals (errors named custom_fields_by_key.<key>) shown at their field.
import { get } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./dom.js";

let definitions = null;

/** Every definition, page by page (the API answers at most 50 at a time). */
async function readAll() {
  let rows = [];
  for (;;) {
    const query = new URLSearchParams({ "$limit": "50", "$skip": String(rows.length), "$sort[position]": "1" });
    const page = await get("/custom-fields?" + query.toString());
    rows = rows.concat(page.data);
    if (!page.data.length || rows.length >= page.total) { return rows; }
  }
}

/** The active definitions for "reservation" or "contact", in display order; none when they cannot be read. */
export async function customFieldsOf(entityType) {
  if (!definitions) {
    definitions = readAll();
    definitions.catch(function () { definitions = null; });
  }
  try {
    const all = await definitions;
    return all.filter(function (f) { return f.entity_type === entityType && f.is_active; });
  } catch (e) {
    return [];
  }
}

/** A stored value as a reader sees it: options joined, booleans as yes/no. */
export function displayValue(field, value) {
  if (value === null || value === undefined || value === "") { return ""; }
  if (Array.isArray(value)) { return value.join(", "); }
  if (typeof value === "boolean") { return value ? t("yes") : t("no"); }
  return String(value);
}

const INPUT_TYPES = { text: "text", email: "email", phone: "tel", url: "url", date: "date", number: "number" };

/**
 * The controls of one record's custom fields. {@code prefix} keeps ids unique per dialog; {@code values} is the
 * record's custom_fields_by_key. The element is empty when there are no fields.
 */
export class CustomFieldsForm {
  constructor(prefix, fields, values) {
    this.fields = fields;
    this.values = values || {};
    this.controls = new Map();
    this.element = h("div", { class: "stack custom-fields" });
    const self = this;
    if (fields.some(function (field) { return field.is_required; })) {
      this.element.appendChild(h("p", { class: "hint" }, t("requiredHint")));
    }
    fields.forEach(function (field) { self.element.appendChild(self.row(prefix + "-cf-" + field.key, field)); });
  }

  row(id, field) {
    const value = this.values[field.key];
    const errorId = id + "-error";
    const error = h("p", { class: "field-error message", id: errorId });
    const label = field.label + (field.is_required ? " *" : "");
    let control;
    let row;
    if (field.field_type === "multiselect") {
      const chosen = Array.isArray(value) ? value : [];
      const boxes = field.options.map(function (option, i) {
        const box = h("input", { type: "checkbox", id: id + "-" + i, value: option });
        box.checked = chosen.includes(option);
        return h("span", { class: "check" }, box, h("label", { for: id + "-" + i }, option));
      });
      control = h("fieldset", { id: id, class: "choices", "aria-describedby": errorId, tabindex: "-1" },
        h("legend", null, label), boxes);
      row = h("div", { class: "stack" }, control, error);
    } else if (field.field_type === "boolean") {
      control = h("input", { type: "checkbox", id: id, "aria-describedby": errorId });
      control.checked = value === true;
      row = h("div", { class: "stack" }, h("p", { class: "check" }, control, h("label", { for: id }, label)), error);
    } else {
      if (field.field_type === "textarea") {
        control = h("textarea", { id: id, rows: "2", maxlength: "10000" });
      } else if (field.field_type === "select") {
        const options = field.options.slice();
        if (typeof value === "string" && value && !options.includes(value)) { options.push(value); }
        control = h("select", { id: id }, h("option", { value: "" }, "—"),
          options.map(function (option) { return h("option", { value: option }, option); }));
      } else {
        control = h("input", { type: INPUT_TYPES[field.field_type] || "text", id: id, autocomplete: "off",
          step: field.field_type === "number" ? "any" : null });
      }
      control.value = value === null || value === undefined ? "" : String(value);
      control.setAttribute("aria-describedby", errorId);
      row = h("div", { class: "stack" }, h("label", { for: id }, label), control, error);
    }
    if (field.description) {
      const hintId = id + "-hint";
      row.insertBefore(h("small", { id: hintId }, field.description), error);
      control.setAttribute("aria-describedby", hintId + " " + errorId);
    }
    if (field.is_required && control.tagName !== "FIELDSET") { control.setAttribute("aria-required", "true"); }
    this.controls.set(field.key, { field: field, control: control, error: error });
    return row;
  }

  /** The value a control holds now, in the form the API takes (null for "no value"). */
  current(entry) {
    const type = entry.field.field_type;
    const control = entry.control;
    if (type === "multiselect") {
      return Array.from(control.querySelectorAll("input:checked")).map(function (box) { return box.value; });
    }
    if (type === "boolean") { return control.checked; }
    const text = control.value;
    if (text.trim() === "") { return null; }
    if (type === "number") {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    return text;
  }

  /** custom_fields_by_key with only what changed; empty when nothing did. */
  changes() {
    const changed = {};
    const self = this;
    this.controls.forEach(function (entry, key) {
      const before = self.values[key];
      const now = self.current(entry);
      if (!same(before, now, entry.field.field_type)) { changed[key] = now; }
    });
    return changed;
  }

  clearErrors() {
    this.controls.forEach(function (entry) {
      entry.error.textContent = "";
      entry.control.removeAttribute("aria-invalid");
    });
  }

  /** Places each custom_fields_by_key.<key> error at its field; answers whether any was placed. */
  showErrors(problem) {
    this.clearErrors();
    let first = null;
    const self = this;
    ((problem && problem.errors) || []).forEach(function (e) {
      const prefix = "custom_fields_by_key.";
      if (!e.field || e.field.indexOf(prefix) !== 0) { return; }
      const entry = self.controls.get(e.field.substring(prefix.length));
      if (!entry) { return; }
      entry.error.textContent = (entry.error.textContent ? entry.error.textContent + " " : "") + e.message;
      entry.control.setAttribute("aria-invalid", "true");
      if (!first) { first = entry.control; }
    });
    if (first) {
      const focusable = first.tagName === "FIELDSET" ? first.querySelector("input") : first;
      focusable.focus();
    }
    return first !== null;
  }
}

/**
 * The refusals of a problem that name no custom field (a contact's email, say), as one line for the dialog's
 * message: the custom fields' own are shown at their field.
 */
export function otherErrors(problem) {
  return ((problem && problem.errors) || [])
    .filter(function (e) { return !e.field || e.field.indexOf("custom_fields_by_key.") !== 0; })
    .map(function (e) { return e.field ? e.field + ": " + e.message : e.message; })
    .join(" ");
}

function same(before, now, type) {
  const empty = function (v) { return v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length); };
  if (type === "boolean") { return (before === true) === now; }
  if (empty(before) && empty(now)) { return true; }
  if (Array.isArray(before) && Array.isArray(now)) { return before.join("\u0000") === now.join("\u0000"); }
  if (type === "number" && typeof now === "number" && typeof before === "number") { return before === now; }
  return String(before) === String(now);
}
