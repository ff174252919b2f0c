// The console's sign-in: POST /sessions, then back to where the person was (a same-origin /console path only).
import { request, ApiError } from "./api.js";
import { t, language, setLanguage } from "./i18n.js";
import { h, clear } from "./dom.js";

/** The page to go to after signing in: the `next` parameter when it is a path of this console, else /console. */
export function safeNext(next) {
  if (!next || !next.startsWith("/console") || next.startsWith("//")) { return "/console"; }
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin || !url.pathname.startsWith("/console")
        || url.pathname.startsWith("/console/sign-in")) {
      return "/console";
    }
    return url.pathname + url.search + url.hash;
  } catch (e) {
    return "/console";
  }
}

async function start() {
  setLanguage(language());
  document.title = t("signInTitle") + " · Reserva";
  const params = new URLSearchParams(window.location.search);
  const next = safeNext(params.get("next"));
  try {
    await request("GET", "/sessions/current", undefined, { anonymous: true });
    window.location.replace(next);
    return;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) { throw e; }
  }
  const main = clear(document.getElementById("main"));
  const message = h("p", { id: "sign-in-message", class: "message", role: "alert" });
  if (params.get("next")) { message.textContent = t("sessionEnded"); }
  const email = h("input", { id: "email", name: "email", type: "email", autocomplete: "username", required: true });
  const password = h("input", {
    id: "password", name: "password", type: "password", autocomplete: "current-password", required: true
  });
  const submit = h("button", { type: "submit", class: "primary" }, t("signIn"));
  const form = h("form", { class: "sign-in", novalidate: true },
    h("h1", { id: "sign-in-heading" }, t("signInTitle")),
    message,
    h("label", { for: "email" }, t("email")), email,
    h("label", { for: "password" }, t("password")), password,
    submit,
    h("p", { class: "lang-choice" },
      h("label", { for: "sign-in-lang" }, t("language") + " "),
      languageSelect("sign-in-lang")));
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (!email.value || !password.value) {
      message.textContent = t("badCredentials");
      (email.value ? password : email).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("signingIn");
    try {
      await request("POST", "/sessions", { email: email.value.trim(), password: password.value }, { anonymous: true });
      window.location.assign(next);
    } catch (e) {
      submit.disabled = false;
      submit.textContent = t("signIn");
      password.value = "";
      message.textContent = e instanceof ApiError && e.status === 429 ? t("throttled")
        : e instanceof ApiError && (e.status === 401 || e.status === 422) ? t("badCredentials") : t("generic");
      password.focus();
    }
  });
  main.appendChild(form);
  email.focus();
}

function languageSelect(id) {
  const select = h("select", { id: id },
    h("option", { value: "en" }, "English"), h("option", { value: "es" }, "Español"));
  select.value = language();
  select.addEventListener("change", function () {
    setLanguage(select.value);
    window.location.reload();
  });
  return select;
}

start();
