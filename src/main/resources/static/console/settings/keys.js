// API keys (/api-keys): create one (its secret is shown once, an expiry optional), rename one, revoke one. The
// API fixes a key's expiry when it is created, so it cannot be changed here either.
import { listAll, post, patch, del } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, textOf } from "../dom.js";
import { showOnce } from "./once.js";

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.keysIntro }));
  var line = statusLine();
  var onceArea = el("div", { class: "once-area" });
  var name = input("text", null, { name: "name", autocomplete: "off", maxlength: "200" });
  var role = select(["admin", "staff", "read_only"].map(function (r) { return [r, t["role_" + r]]; }), "staff", { name: "role" });
  var expires = input("datetime-local", null, { name: "expires_at" });
  var form = el("form", { class: "card", novalidate: true, "aria-labelledby": "new-key-title" }, [
    el("h3", { id: "new-key-title", text: t.newKey }),
    el("div", { class: "grid" }, [
      field(t.keyName, name, { apiField: "name", required: true }),
      field(t.role, role, { apiField: "role" }),
      field(t.keyExpires + " (" + t.optional + ")", expires, { apiField: "expires_at", hint: t.keyExpiresHint })
    ]),
    el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.create })])
  ]);
  var listArea = el("div", { class: "list-area" });
  root.appendChild(form);
  root.appendChild(line);
  root.appendChild(onceArea);
  root.appendChild(el("h3", { text: t.keys }));
  root.appendChild(listArea);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    var body = { name: textOf(name), role: role.value };
    // The browser's own clock and zone read the local date and time; the API takes the instant.
    if (expires.value) { body.expires_at = new Date(expires.value).toISOString(); }
    post("/api-keys", body).then(function (issued) {
      name.value = "";
      expires.value = "";
      say(line, fmt(t.savedName, { name: issued.name }), false);
      clear(onceArea);
      showOnce(onceArea, fmt(t.secretTitle, { name: issued.name }), t.secretHint, t.secretLabel, issued.secret,
        t.secretSaved, function () { name.focus(); });
      load();
    }).catch(function (error) { showProblem(form, line, error, t); });
  });

  function load() {
    listAll("/api-keys?$sort[created_at]=-1").then(function (rows) {
      clear(listArea);
      if (rows.length === 0) { listArea.appendChild(el("p", { class: "empty", text: t.none })); return; }
      listArea.appendChild(el("ul", { class: "items" }, rows.map(function (key) {
        var state = key.revoked_at ? t.revoked
          : (key.last_used_at ? fmt(t.lastUsed, { when: ctx.dateTime(key.last_used_at) }) : t.neverUsed);
        var expiry = key.expires_at ? fmt(t.keyExpiresOn, { when: ctx.dateTime(key.expires_at) }) : null;
        var item = el("li", { class: key.revoked_at ? "item revoked" : "item" });
        var main = el("div", { class: "item-main" }, [
          el("strong", { text: key.name }),
          el("span", { class: "meta", text: [t["role_" + key.role] || key.role, t.prefix + " " + key.key_prefix, state, expiry]
            .filter(Boolean).join(" · ") })
        ]);
        item.appendChild(main);
        item.appendChild(el("div", { class: "item-actions" }, [key.revoked_at ? null : button(t.rename, function () {
          renameForm(key, item, main);
        }, { "aria-label": t.rename + " " + key.name }), key.revoked_at ? null : button(t.revoke, function () {
            if (!window.confirm(fmt(t.reallyRevoke, { name: key.name }))) { return; }
            del("/api-keys/" + key.id).then(function () { say(line, fmt(t.keyRevoked, { name: key.name }), false); load(); })
              .catch(function (error) { showProblem(root, line, error, t); });
          }, { class: "danger", "aria-label": t.revoke + " " + key.name })]));
        return item;
      })));
    }).catch(function (error) { showProblem(root, line, error, t); });
  }
  /** The key's name becomes a field in place; Save renames it, Cancel (or Escape) puts the name back. */
  function renameForm(key, item, main) {
    var box = input("text", key.name, { name: "rename", autocomplete: "off", maxlength: "200" });
    var cancel = button(t.cancel, function () { form.replaceWith(main); }, { class: "secondary" });
    var form = el("form", { class: "rename", novalidate: true }, [
      field(fmt(t.renameLabel, { name: key.name }), box, { apiField: "name" }),
      el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.save }), cancel])
    ]);
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") { form.replaceWith(main); } });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(form);
      patch("/api-keys/" + key.id, { name: textOf(box) }).then(function (saved) {
        say(line, fmt(t.savedName, { name: saved.name }), false);
        load();
      }).catch(function (error) { showProblem(form, line, error, t); });
    });
    main.replaceWith(form);
    box.focus();
    box.select();
  }

  load();
}
