// Users (/users): people who sign in, their role here, their sessions and one-time password links.
import { listAll, post, patch, del } from "../api.js";
import { el, clear, fmt, field, input, select, button, statusLine, say, showProblem, clearErrors, textOf } from "../dom.js";
import { showOnce } from "./once.js";

var ROLES = ["admin", "staff", "read_only"];

export function render(ctx, root) {
  var t = ctx.t;
  var roleOptions = ROLES.map(function (r) { return [r, t["role_" + r]]; });
  root.appendChild(el("p", { class: "intro", text: t.usersIntro }));
  var line = statusLine();
  var onceArea = el("div", { class: "once-area" });
  var email = input("email", null, { name: "email", autocomplete: "off" });
  var name = input("text", null, { name: "name", autocomplete: "off" });
  var role = select(roleOptions, "staff", { name: "role" });
  var password = input("password", null, { name: "password", autocomplete: "new-password" });
  var form = el("form", { class: "card", novalidate: true, "aria-labelledby": "new-user-title" }, [
    el("h3", { id: "new-user-title", text: t.newUser }),
    el("div", { class: "grid" }, [
      field(t.email, email, { apiField: "email", required: true }),
      field(t.name, name, { apiField: "name", required: true }),
      field(t.role, role, { apiField: "role" }),
      field(t.password + " (" + t.optional + ")", password, { apiField: "password", hint: t.passwordHint })
    ]),
    el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: t.create })])
  ]);
  var listArea = el("div", { class: "list-area" });
  root.appendChild(form);
  root.appendChild(line);
  root.appendChild(onceArea);
  root.appendChild(el("h3", { text: t.users }));
  root.appendChild(listArea);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors(form);
    var body = { email: textOf(email), name: textOf(name), role: role.value };
    if (password.value !== "") { body.password = password.value; }
    post("/users", body).then(function (created) {
      email.value = ""; name.value = ""; password.value = ""; role.value = "staff";
      say(line, fmt(t.savedName, { name: created.name }), false);
      if (created.password_setup) { showLink(created, created.password_setup); }
      load();
    }).catch(function (error) { showProblem(form, line, error, t); });
  });

  function showLink(user, link) {
    clear(onceArea);
    showOnce(onceArea, fmt(t.oneTimeLink, { name: user.name }),
      fmt(t.oneTimeLinkHint, { expires: ctx.dateTime(link.expires_at) }), t.resetLink,
      location.origin + link.path, t.done);
  }

  function load() {
    listAll("/users?$sort[name]=1").then(function (rows) {
      clear(listArea);
      listArea.appendChild(el("ul", { class: "items" }, rows.map(function (user) {
        var isMe = user.id === ctx.session.user_id;
        var roleControl = select(roleOptions, user.role, { "data-field": "role" });
        roleControl.addEventListener("change", function () {
          patch("/users/" + user.id, { role: roleControl.value }).then(function (saved) {
            say(line, fmt(t.roleChanged, { name: saved.name, role: t["role_" + saved.role] }), false);
            user.role = saved.role;
          }).catch(function (error) { roleControl.value = user.role; showProblem(item, line, error, t); });
        });
        var actions = [
          button(t.endSessions, function () {
            del("/users/" + user.id + "/sessions").then(function (answer) {
              say(line, fmt(t.sessionsEnded, { n: answer.ended }), false);
            }).catch(function (error) { showProblem(item, line, error, t); });
          }, { "aria-label": t.endSessions + ": " + user.name }),
          button(t.resetLink, function () {
            post("/users/" + user.id + "/password-resets").then(function (link) { showLink(user, link); })
              .catch(function (error) { showProblem(item, line, error, t); });
          }, { "aria-label": t.resetLink + ": " + user.name }),
          button(t.removeUser, function () {
            if (!window.confirm(fmt(t.reallyRemoveUser, { name: user.name }))) { return; }
            del("/users/" + user.id).then(function () { say(line, t.deleted, false); load(); })
              .catch(function (error) { showProblem(item, line, error, t); });
          }, { class: "danger", "aria-label": t.removeUser + " " + user.name })
        ];
        var item = el("li", { class: "item" }, [
          el("div", { class: "item-main" }, [
            el("strong", { text: user.name }),
            el("span", { class: "meta", text: user.email + " · " + (t["status_" + user.status] || user.status) })
          ]),
          el("div", { class: "item-actions" }, [
            field(fmt(t.roleOf, { name: user.name }), roleControl),
            isMe ? null : actions[0], actions[1], isMe ? null : actions[2]
          ])
        ]);
        return item;
      })));
    }).catch(function (error) { showProblem(root, line, error, t); });
  }
  load();
}
