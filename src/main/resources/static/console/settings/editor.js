// A list of records with one form beside it that creates a new record or edits a chosen one: the shape shared
// by services, resources and booking links. An edit sends only what changed (PATCH keeps the rest); a refusal is
// shown at its fields and the form keeps what was typed.
import { listAll, post, patch, del } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, numberOf, textOf, uid } from "../dom.js";

/**
 * spec: {path, listQuery, newTitle, editTitle(record), fields: [{key, label, kind, options, hint, required,
 * build(), read(), write(value)}], summary(record) -> text, title(record), deleteQuestion(record),
 * extraActions(record, reload, line) -> [nodes], defaults, whileEditing(record, container): more to edit
 * about a saved record (a new one opens for editing once created)}
 */
export function editor(ctx, root, spec) {
  var t = ctx.t;
  var editing = null;
  var line = statusLine();
  var heading = el("h3", { id: spec.id + "-form-title", tabindex: "-1" });
  var controls = {};
  var form = el("form", { class: "card editor", novalidate: true, "aria-labelledby": heading.id }, [heading]);
  var grid = el("div", { class: "grid" });
  form.appendChild(grid);
  spec.fields.forEach(function (f) {
    var control = f.build ? f.build() : build(f);
    controls[f.key] = control;
    grid.appendChild(f.custom ? control.node : field(f.label, control, {
      apiField: f.key, required: f.required, hint: f.hint
    }));
    if (f.wide) { grid.lastChild.classList.add("wide"); }
  });
  var submit = el("button", { type: "submit", class: "primary" });
  var cancel = button(t.cancel, function () { startNew(); heading.focus(); }, { class: "secondary" });
  form.appendChild(el("div", { class: "actions" }, [submit, cancel]));
  var listArea = el("div", { class: "list-area" });
  var extra = el("div", { class: "edit-extra" });
  root.appendChild(form);
  root.appendChild(line);
  root.appendChild(extra);
  root.appendChild(el("h3", { text: t[spec.id] }));
  root.appendChild(listArea);

  function build(f) {
    if (f.kind === "checkbox") { return input("checkbox", false, { name: f.key }); }
    if (f.kind === "select") { return select(f.options(), null, { name: f.key }); }
    if (f.kind === "textarea") { return el("textarea", { name: f.key, rows: "3" }); }
    if (f.kind === "number") { return input("number", null, { name: f.key, inputmode: "numeric", step: "1" }); }
    return input("text", null, { name: f.key, required: f.required ? true : null, autocomplete: "off" });
  }
  function read(f) {
    var control = controls[f.key];
    if (f.read) { return f.read(control); }
    if (f.kind === "checkbox") { return control.checked; }
    if (f.kind === "number") { return numberOf(control); }
    if (f.kind === "select") { return control.value || null; }
    return textOf(control);
  }
  function write(f, value) {
    var control = controls[f.key];
    if (f.write) { f.write(control, value); return; }
    if (f.kind === "checkbox") { control.checked = Boolean(value); }
    else { control.value = value === null || value === undefined ? "" : String(value); }
  }
  function same(a, b) { return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b); }

  function startNew() {
    editing = null;
    clearErrors(form);
    heading.textContent = spec.newTitle;
    submit.textContent = t.create;
    cancel.hidden = true;
    spec.fields.forEach(function (f) { write(f, spec.defaults ? spec.defaults[f.key] : null); });
    clear(extra);
  }
  function startEdit(record) {
    editing = record;
    clearErrors(form);
    heading.textContent = spec.editTitle(record);
    submit.textContent = t.save;
    cancel.hidden = false;
    spec.fields.forEach(function (f) { write(f, f.from ? f.from(record) : record[f.key]); });
    if (spec.whileEditing) { spec.whileEditing(record, extra); }
    heading.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    var body = {};
    spec.fields.forEach(function (f) {
      var value = read(f);
      if (editing) {
        var before = f.from ? f.from(editing) : editing[f.key];
        if (!same(value, before)) { (f.put || put)(body, f.key, value); }
      } else if (value !== null && !(Array.isArray(value) && value.length === 0 && !f.sendEmpty)) {
        (f.put || put)(body, f.key, value);
      }
    });
    var done = editing
      ? patch(spec.path + "/" + editing.id, body)
      : post(spec.path, spec.beforeCreate ? spec.beforeCreate(body) : body);
    var wasNew = !editing;
    done.then(function (saved) {
      say(line, fmt(t.savedName, { name: spec.title(saved) }), false);
      if (wasNew && spec.whileEditing) { startEdit(saved); } else { startNew(); }
      load();
    }).catch(function (error) { showProblem(form, line, error, t); });
  });

  function load() {
    return listAll(spec.path + "?" + (spec.listQuery || "$sort[name]=1")).then(function (rows) {
      clear(listArea);
      if (rows.length === 0) { listArea.appendChild(el("p", { class: "empty", text: t.none })); return; }
      listArea.appendChild(el("ul", { class: "items" }, rows.map(function (record) {
        var actions = [button(t.edit, function () { startEdit(record); }, { "aria-label": t.edit + " " + spec.title(record) })];
        (spec.extraActions ? spec.extraActions(record, load, line) : []).forEach(function (a) { actions.push(a); });
        actions.push(button(t.remove, function () {
          if (!window.confirm(spec.deleteQuestion(record))) { return; }
          del(spec.path + "/" + record.id).then(function () {
            say(line, t.deleted, false);
            if (editing && editing.id === record.id) { startNew(); }
            load();
          }).catch(function (error) { showProblem(form, line, error, t); });
        }, { class: "danger", "aria-label": t.remove + " " + spec.title(record) }));
        return el("li", { class: "item" }, [
          el("div", { class: "item-main" }, [
            el("strong", { text: spec.title(record) }),
            el("span", { class: "meta", text: spec.summary(record) })
          ]),
          el("div", { class: "item-actions" }, actions)
        ]);
      })));
    }).catch(function (error) { showProblem(form, line, error, t); });
  }

  startNew();
  load();
  return { controls: controls, reload: load };
}

/** Nested keys ("page_config.hero_title") go into nested objects. */
function put(body, key, value) {
  var parts = key.split(".");
  var target = body;
  for (var i = 0; i < parts.length - 1; i++) {
    target[parts[i]] = target[parts[i]] || {};
    target = target[parts[i]];
  }
  target[parts[parts.length - 1]] = value;
}

export { fmt };

/**
 * A custom field of the editor: one checkbox per item ({id, name}), in a fieldset that carries the API's field name
 * for its errors; it reads and writes the list of checked ids. spec: {key, legend, hint, empty, required, items}.
 */
export function choicesField(spec) {
  return {
    key: spec.key, custom: true, wide: true,
    build: function () {
      var id = uid(spec.key);
      var boxes = spec.items.map(function (item) {
        var box = el("input", { type: "checkbox", id: id + "-" + item.id, value: item.id, name: spec.key });
        return el("span", { class: "choice" }, [box, el("label", { for: box.id, text: item.name })]);
      });
      var legend = spec.required ? [spec.legend, el("span", { class: "req", text: " *" })] : [spec.legend];
      var group = el("fieldset", { id: id, class: "choices", "data-field": spec.key, tabindex: "-1",
        "aria-describedby": id + "-hint" }, [el("legend", {}, legend)]
        .concat(boxes.length ? boxes : [el("p", { text: spec.empty })]));
      var node = el("div", { class: "field wide" }, [
        group,
        el("p", { id: id + "-hint", class: "hint", text: spec.hint }),
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
