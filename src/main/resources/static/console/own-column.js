// A person's own column: a `person` resource may name its user (`user_id`); that user's timeline opens on
// their own lane(s), and their list on the reservations those hold, with a switch back to everyone (one choice
// for both layouts). Staff without a resource of their own see everyone.

import { t } from "./i18n.js";
import { h } from "./dom.js";

/** The day's resources that belong to the signed-in user. */
export function ownResources(state) {
  const me = state.session && state.session.user_id;
  if (!me || !state.day) { return []; }
  return state.day.resources.filter(function (r) { return r.user_id === me; });
}

/** Whether the timeline shows only the user's own lanes: yes at first when they have one, then their choice. */
export function showsOwnColumn(state) {
  if (!ownResources(state).length) { return false; }
  if (state.ownColumn === undefined) { state.ownColumn = true; }
  return state.ownColumn;
}

/** The resources the timeline draws. */
export function resourcesShown(state) {
  const own = ownResources(state);
  return showsOwnColumn(state) ? own : state.day.resources;
}

/** The reservations the list shows: those holding one of the user's own resources, or all of them. */
export function reservationsShown(state, reservations) {
  if (!showsOwnColumn(state)) { return reservations; }
  const own = new Set(ownResources(state).map(function (r) { return r.id; }));
  return reservations.filter(function (r) {
    return (r.assigned_resources || []).some(function (a) { return own.has(a.resource_id); });
  });
}

/**
 * The switch between "my column" (mine: the text differs in the list) and "everyone"; null for users without a
 * resource of their own.
 */
export function ownColumnSwitch(state, rerender, mineText) {
  if (!ownResources(state).length) { return null; }
  const button = function (mine, id, text) {
    return h("button", { type: "button", id: id, "aria-pressed": String(showsOwnColumn(state) === mine),
      onclick: function () {
        state.ownColumn = mine;
        rerender();
        const again = document.getElementById(id);
        if (again) { again.focus(); }
      } }, text);
  };
  return h("div", { class: "switch own-column", role: "group", "aria-label": t("whoseColumns") },
    button(true, "own-column", mineText || t("myColumn")), button(false, "all-columns", t("everyone")));
}
