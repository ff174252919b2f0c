// What the console knows about a reservation: who it is for, which moves the status machine allows, how it
// counts. Mirrors the server's rules only to choose which buttons to show; the server decides.
import { t } from "./i18n.js";

export const NEXT = {
  held: ["confirmed", "cancelled"],
  pending: ["confirmed", "cancelled"],
  confirmed: ["seated", "completed", "no_show", "cancelled"],
  seated: ["completed"],
  completed: [], cancelled: [], no_show: [], expired: []
};

/** Statuses that keep a place (and draw a tile that can be moved). */
export const OCCUPYING = ["held", "pending", "confirmed", "seated"];

/** Statuses counted as people coming (the covers footer). */
export const EXPECTED = ["pending", "confirmed", "seated", "completed"];

export function guestName(r) {
  const person = r.contact || r.guest_details;
  if (person) {
    const name = [person.first_name, person.last_name].filter(Boolean).join(" ");
    if (name) { return name; }
  }
  return r.source === "walk_in" ? t("walkInGuest") : t("noName");
}

export function resourceNames(r) {
  return (r.assigned_resources || []).map(function (a) { return a.name || a.resource_id; }).join(", ");
}

export function tagsOf(r, contacts) {
  const contact = r.contact_id ? contacts.get(r.contact_id) : null;
  return contact ? contact.tags || [] : [];
}

export function notesOf(r) {
  return [r.internal_notes, r.customer_notes].filter(Boolean).join(" · ");
}

/** Statuses a timeline draws; also those a reservation from the day before is shown in. */
export const TIMELINE_STATUSES = OCCUPYING.concat(["completed"]);

/** The headline's numbers, counted as the day endpoint counts them (counts in docs/console.md). */
export function countsOf(reservations) {
  const tally = function (statuses) {
    let parties = 0;
    let covers = 0;
    reservations.forEach(function (r) {
      if (statuses.includes(r.status)) { parties++; covers += r.party_size; }
    });
    return { parties: parties, covers: covers };
  };
  return {
    booked: tally(["pending", "confirmed", "seated", "completed", "no_show"]),
    seated: tally(["seated"]),
    completed: tally(["completed"]),
    to_come: tally(["pending", "confirmed"]),
    no_show: tally(["no_show"]),
    cancelled: tally(["cancelled"])
  };
}
