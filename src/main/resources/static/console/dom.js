// Building the page without innerHTML: every text goes in as text. The forms (the settings screens) put the server's
// problem details next to the field they name and never clear what was typed.

/** An element with attributes (on* become listeners, "class" the class) and children (strings become text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      setAttribute(el, name, value);
    });
  }
  append(el, children);
  return el;
}

function setAttribute(el, name, value) {
  if (name.startsWith("on") && typeof value === "function") {
    el.addEventListener(name.substring(2).toLowerCase(), value);
  } else if (name === "class") {
    el.className = value;
  } else if (name === "dataset") {
    Object.keys(value).forEach(function (key) { el.dataset[key] = value[key]; });
  } else if (value === true) {
    el.setAttribute(name, "");
  } else {
    el.setAttribute(name, String(value));
  }
}

/**
 * {@link h} with the children as one array, and three attributes that set a property instead: "text" (the
 * text content, before any children), "value" and "checked".
 */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    const value = attrs[name];
    if (value === null || value === undefined || value === false) { return; }
    if (name === "text") { node.textContent = value; }
    else if (name === "value") { node.value = value; }
    else if (name === "checked") { node.checked = Boolean(value); }
    else { setAttribute(node, name, value); }
  });
  append(node, children || []);
  return node;
}

function append(el, children) {
  children.forEach(function (child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { append(el, child); return; }
    el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  });
}

export function clear(el) {
  while (el.firstChild) { el.removeChild(el.firstChild); }
  return el;
}

let ids = 0;
export function uid(prefix) {
  ids += 1;
  return prefix + "-" + ids;
}

export function fmt(text, values) {
  return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key] === undefined ? "" : String(values[key]); });
}

/**
 * A labelled control with room for its error. {@code apiField} is the name the API uses for it in
 * {@code errors[].field}; {@code control} is an input, select or textarea.
 */
export function field(label, control, options) {
  options = options || {};
  var id = control.id || uid("f");
  control.id = id;
  if (options.apiField) { control.setAttribute("data-field", options.apiField); }
  var error = el("p", { id: id + "-error", class: "field-error", hidden: true });
  var described = [];
  var hint = null;
  if (options.hint) {
    hint = el("p", { id: id + "-hint", class: "hint", text: options.hint });
    described.push(hint.id);
  }
  if (described.length) { control.setAttribute("aria-describedby", described.join(" ")); }
  var isCheck = control.type === "checkbox";
  var labelNode = el("label", { for: id }, [label, options.required ? el("span", { class: "req", text: " *" }) : null]);
  return el("div", { class: isCheck ? "field check" : "field" },
    isCheck ? [control, labelNode, hint, error] : [labelNode, control, hint, error]);
}

export function input(type, value, attrs) {
  var node = el("input", Object.assign({ type: type }, attrs || {}));
  if (type === "checkbox") { node.checked = Boolean(value); }
  else if (value !== null && value !== undefined) { node.value = String(value); }
  return node;
}

export function select(options, value, attrs) {
  var node = el("select", attrs || {}, options.map(function (option) {
    return el("option", { value: option[0], text: option[1] });
  }));
  if (value !== null && value !== undefined) { node.value = String(value); }
  return node;
}

export function button(text, onclick, attrs) {
  return el("button", Object.assign({ type: "button", onclick: onclick }, attrs || {}), [text]);
}

/** A status line for the form: polite for news, assertive for problems. */
export function statusLine() {
  return el("p", { class: "status", role: "status", "aria-live": "polite" });
}

export function say(line, text, isError) {
  line.textContent = text || "";
  line.className = isError ? "status error" : "status ok";
  line.setAttribute("role", isError ? "alert" : "status");
}

export function clearErrors(scope) {
  scope.querySelectorAll("[aria-invalid=true]").forEach(function (control) {
    control.removeAttribute("aria-invalid");
    var error = document.getElementById(control.id + "-error");
    if (error) { error.hidden = true; error.textContent = ""; }
    var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== control.id + "-error";
    });
    if (described.length) { control.setAttribute("aria-describedby", described.join(" ")); }
    else { control.removeAttribute("aria-describedby"); }
  });
}

/**
 * Finds the control an error names: the exact field, else the first control inside it
 * ({@code windows[2]} is the row's first time), else its parent ({@code page_config.slug} falls back to
 * {@code page_config}).
 */
function controlFor(scope, name) {
  var all = Array.prototype.slice.call(scope.querySelectorAll("[data-field]"));
  var exact = all.filter(function (c) { return c.getAttribute("data-field") === name; })[0];
  if (exact) { return exact; }
  var inside = all.filter(function (c) {
    var f = c.getAttribute("data-field");
    return f.indexOf(name + ".") === 0 || f.indexOf(name + "[") === 0;
  })[0];
  if (inside) { return inside; }
  var cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
  return cut > 0 ? controlFor(scope, name.substring(0, cut)) : null;
}

/**
 * Shows a refusal: each errors[] entry at its control (aria-invalid, the message linked by aria-describedby,
 * focus on the first), the rest in the status line. Returns nothing; the typed values stay as they are.
 */
export function showProblem(scope, line, error, t) {
  clearErrors(scope);
  var problem = (error && error.problem) || {};
  var errors = problem.errors || [];
  var unplaced = [];
  var first = null;
  errors.forEach(function (entry) {
    var control = entry.field ? controlFor(scope, entry.field) : null;
    if (!control) { unplaced.push((entry.field ? entry.field + ": " : "") + entry.message); return; }
    var message = document.getElementById(control.id + "-error");
    if (message) {
      message.textContent = message.hidden ? entry.message : message.textContent + " " + entry.message;
      message.hidden = false;
      var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(message.id) < 0) { described.push(message.id); }
      control.setAttribute("aria-describedby", described.join(" "));
    }
    control.setAttribute("aria-invalid", "true");
    if (!first) { first = control; }
  });
  var summary;
  if (error && error.status === 403) { summary = t.forbidden + " " + (problem.detail || ""); }
  else if (errors.length) { summary = t.fixErrors; }
  else { summary = (problem.detail || (error && error.message)) || t.generic; }
  if (unplaced.length) { summary += " " + unplaced.join(" "); }
  say(line, summary, true);
  if (first) { first.focus(); }
}

/** A number input's value for the API: empty is null, anything else an integer (the server checks the rest). */
export function numberOf(control) {
  var text = control.value.trim();
  if (text === "") { return null; }
  var n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export function textOf(control) {
  var text = control.value.trim();
  return text === "" ? null : text;
}
