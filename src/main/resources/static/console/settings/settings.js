// The console's settings screens: one page, one section at a time, chosen by the address's hash (#hours,
// #services, ...). Everything comes from the public REST API as the signed-in user; texts live in strings.js.
import { STRINGS } from "./strings.js";
import { get, useCsrfToken } from "../api.js";
import { el, clear, fmt, button } from "../dom.js";
import * as hours from "./hours.js";
import * as closures from "./closures.js";
import * as services from "./services.js";
import * as resources from "./resources.js";
import * as areas from "./areas.js";
import * as organization from "./organization.js";
import * as combinations from "./combinations.js";
import * as users from "./users.js";
import * as keys from "./keys.js";
import * as links from "./links.js";
import * as google from "./google.js";

var SECTIONS = [
  ["hours", hours], ["closures", closures], ["services", services], ["resources", resources],
  ["areas", areas], ["combinations", combinations], ["users", users], ["keys", keys], ["links", links],
  ["organization", organization], ["google", google]
];
var LANGUAGE_KEY = "reserva.console.lang";
var main = document.getElementById("main");
var session = null;

function language() {
  var chosen = null;
  try { chosen = localStorage.getItem(LANGUAGE_KEY); } catch (e) { chosen = null; }
  if (chosen === "en" || chosen === "es") { return chosen; }
  return document.documentElement.lang === "es" ? "es" : "en";
}

function context() {
  var lang = language();
  var t = STRINGS[lang];
  var organization = (session.organizations || []).filter(function (o) {
    return o.organization_id === session.organization_id;
  })[0];
  return {
    t: t, lang: lang, session: session,
    organizationName: organization ? organization.organization_name : "",
    dateTime: function (iso) {
      return iso ? new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "";
    },
    day: function (text) {
      return new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: "UTC" }).format(new Date(text + "T00:00:00Z"));
    }
  };
}

function currentSection() {
  var name = location.hash.replace(/^#/, "");
  return SECTIONS.some(function (s) { return s[0] === name; }) ? name : "hours";
}

function header(ctx) {
  var switchLanguage = button(ctx.t.language, function () {
    try { localStorage.setItem(LANGUAGE_KEY, ctx.lang === "es" ? "en" : "es"); } catch (e) { /* private mode */ }
    draw(true);
  }, { class: "link-button", lang: ctx.lang === "es" ? "en" : "es", "aria-label": ctx.t.languageLabel });
  return el("header", { class: "top" }, [
    el("a", { href: "/console", class: "back", text: "← " + ctx.t.backToConsole }),
    el("h1", {}, [ctx.t.title, el("span", { class: "org", text: ctx.organizationName })]),
    switchLanguage
  ]);
}

function navigation(ctx, active) {
  return el("nav", { "aria-label": ctx.t.sections, class: "sections" }, [
    el("ul", {}, SECTIONS.map(function (s) {
      return el("li", {}, [el("a", {
        href: "#" + s[0], text: ctx.t[s[0]], "aria-current": s[0] === active ? "page" : null
      })]);
    }))
  ]);
}

function draw(moveFocus) {
  var ctx = context();
  document.documentElement.lang = ctx.lang;
  document.title = ctx.t.title + " · Reserva";
  clear(main);
  main.appendChild(header(ctx));
  if (session.role !== "admin") {
    main.appendChild(el("section", { class: "admins-only", "aria-labelledby": "admins-only" }, [
      el("h2", { id: "admins-only", tabindex: "-1", text: ctx.t.adminsOnly }),
      el("p", { text: fmt(ctx.t.adminsOnlyText, { organization: ctx.organizationName, role: ctx.t["role_" + session.role] || session.role }) })
    ]));
    return;
  }
  var active = currentSection();
  main.appendChild(navigation(ctx, active));
  var section = el("section", { class: "section", "aria-labelledby": "section-title" }, [
    el("h2", { id: "section-title", tabindex: "-1", text: ctx.t[active] })
  ]);
  main.appendChild(section);
  var module = SECTIONS.filter(function (s) { return s[0] === active; })[0][1];
  module.render(ctx, section);
  if (moveFocus) { document.getElementById("section-title").focus(); }
}

window.addEventListener("hashchange", function () { if (session) { draw(true); } });

get("/sessions/current").then(function (current) {
  session = current;
  useCsrfToken(current.csrf_token);
  draw(false);
}).catch(function (error) {
  if (error.status === 401) { return; } // the request went to sign-in already
  clear(main);
  main.appendChild(el("p", { class: "status error", role: "alert", text: STRINGS[language()].generic }));
});
