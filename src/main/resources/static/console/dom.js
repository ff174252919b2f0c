// Building the page without innerHTML: every text goes in as text.

/** An element with attributes (on* become listeners, "class" the class) and children (strings become text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
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
    });
  }
  append(el, children);
  return el;
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
