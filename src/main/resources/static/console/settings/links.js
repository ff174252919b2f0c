// Booking links (/reservation-booking-links): the public pages where guests book.
import { listAll, patch } from "../api.js";
import { choicesField, editor } from "./editor.js";
import { el, fmt, field, input, select, button, say, showProblem, textOf } from "../dom.js";

export function render(ctx, root) {
  var t = ctx.t;
  root.appendChild(el("p", { class: "intro", text: t.linksIntro }));
  var lists = [listAll("/reservation-services?$sort[name]=1"), listAll("/reservation-areas?$sort[name]=1")];
  Promise.all(lists).then(function (loaded) {
    var services = loaded[0];
    var serviceOptions = [["", t.chooseService]].concat(services.map(function (s) { return [s.id, s.name]; }));
    var modeField = {
      key: "mode", label: t.mode, kind: "select",
      options: function () {
        return [["all_services", t.mode_all_services], ["single_service", t.mode_single_service]];
      }
    };
    var serviceField = { key: "service_id", label: t.service, kind: "select", options: function () { return serviceOptions; } };
    var list = editor(ctx, root, {
      id: "links",
      path: "/reservation-booking-links",
      newTitle: t.newLink,
      editTitle: function (l) { return fmt(t.editService, { name: l.name }); },
      title: function (l) { return l.name; },
      summary: function (l) {
        return [l.page_path || ("/b/" + l.organization_id + "/" + l.slug), t["mode_" + l.mode] || l.mode,
          l.is_active ? t.active : t.inactive].join(" · ");
      },
      deleteQuestion: function (l) { return fmt(t.reallyDeleteLink, { name: l.name }); },
      defaults: { mode: "all_services", is_active: true, page_config: {} },
      fields: [
        { key: "name", label: t.name, required: true },
        { key: "slug", label: t.slug, required: true, hint: t.slugHint },
        modeField,
        serviceField,
        choicesField({ key: "area_ids", legend: t.linkAreas, hint: t.linkAreasHint, empty: t.noAreas,
          items: loaded[1] }),
        pageConfig(t),
        { key: "is_active", label: t.isActive, kind: "checkbox" }
      ],
      extraActions: function (link, reload, line) {
        return [
          el("a", { href: link.page_path || ("/b/" + link.organization_id + "/" + link.slug), class: "button-link",
            target: "_blank", rel: "noopener", text: t.open, "aria-label": t.open + ": " + link.name }),
          button(link.is_active ? t.deactivate : t.activate, function () {
            patch("/reservation-booking-links/" + link.id, { is_active: !link.is_active })
              .then(function () { say(line, t.saved, false); reload(); })
              .catch(function (error) { showProblem(root, line, error, t); });
          }, { "aria-label": (link.is_active ? t.deactivate : t.activate) + " " + link.name })
        ];
      }
    });
    var mode = list.controls.mode;
    var service = list.controls.service_id;
    function showService() { service.closest(".field").hidden = mode.value !== "single_service"; }
    mode.addEventListener("change", showService);
    showService();
    // The form is refilled on edit and after saving: keep the service field's visibility in step.
    new MutationObserver(showService).observe(root.querySelector("form.editor h3"), { childList: true });
  }).catch(function (error) {
    root.appendChild(el("p", { class: "status error", role: "alert", text: (error.problem && error.problem.detail) || t.generic }));
  });
}

/**
 * The page's title and language. A PATCH that sends page_config replaces all of it, so the link's other settings
 * (made through the API: colours, texts, logo) are carried over untouched.
 */
function pageConfig(t) {
  var hero = input("text", null, { "data-field": "page_config.hero_title", autocomplete: "off" });
  var locale = select([["en", t.locale_en], ["es", t.locale_es]], "en", { "data-field": "page_config.locale" });
  var original = {};
  var node = el("div", { class: "pair wide" }, [field(t.heroTitle, hero), field(t.pageLocale, locale)]);
  return {
    key: "page_config", custom: true,
    build: function () { return { node: node }; },
    write: function (control, value) {
      original = value || {};
      hero.value = original.hero_title || "";
      locale.value = original.locale || "en";
    },
    read: function () {
      var config = Object.assign({}, original);
      config.hero_title = textOf(hero);
      config.locale = locale.value;
      Object.keys(config).forEach(function (k) { if (config[k] === null) { delete config[k]; } });
      return config;
    },
    from: function (link) { return link.page_config || {}; }
  };
}
