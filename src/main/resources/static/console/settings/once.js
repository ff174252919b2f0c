// A secret or link the server shows only once: in a read-only box, selected for copying, until the admin says it
// is saved. Nothing keeps it afterwards.
import { el, button, uid } from "../dom.js";

export function showOnce(container, title, hint, label, value, doneText, onDone) {
  var id = uid("once");
  var box = input(id, value);
  var panel = el("div", { class: "once", role: "region", "aria-labelledby": id + "-title" }, [
    el("h4", { id: id + "-title", text: title }),
    el("p", { text: hint }),
    el("label", { for: id, text: label }),
    box,
    button(doneText, function () {
      panel.remove();
      if (onDone) { onDone(); }
    }, { class: "primary" })
  ]);
  container.appendChild(panel);
  box.focus();
  box.select();
  return panel;
}

function input(id, value) {
  var node = el("input", { id: id, type: "text", readonly: true, class: "secret", spellcheck: "false", autocomplete: "off" });
  node.value = value;
  return node;
}
