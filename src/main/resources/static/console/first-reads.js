// The console's first reads, started by boot.js as soon as this small part of the console has loaded: before the
// rest of its modules are compiled (about 30 ms on the 2-core machine), so the server answers while they are.
// The session is always read first. The organization this browser showed last is asked for too, with its day and
// the day's waitlist: most mornings it is the same one, and the day's answer is then on its way a round trip
// sooner. A guess that turns out wrong (another organization, or none) is dropped and asked for again (app.js).
import { get } from "./api.js";
import { dateIn, isDate } from "./format.js";

const LAST_ORGANIZATION = "reserva.console.organization";
/** The waitlist entries the panel shows: those still in line. */
const ACTIVE = ["waiting", "offered", "checked_in"];

let started = null;

/** The reads started once per page: {session, guess}; guess is null when this browser has shown no organization. */
export function firstReads() {
  if (!started) {
    const session = get("/sessions/current");
    // Awaited by app.js; until then a refusal (no session: sign-in) must not count as unhandled.
    session.catch(function () { /* handled by app.js */ });
    started = { session: session, guess: guessedStart() };
  }
  return started;
}

export function dayPath(organizationId, date) {
  return "/organizations/" + organizationId + "/days/" + date;
}

/** The read of a date's active waitlist entries (at most 50). */
export function readWaitlist(date) {
  const params = new URLSearchParams();
  params.set("date", date);
  ACTIVE.forEach(function (status, i) { params.set("status[$in][" + i + "]", status); });
  params.set("$limit", "50");
  return get("/waitlist-entries?" + params.toString());
}

export function rememberOrganization(organization) {
  const last = JSON.stringify({ id: organization.id, timezone: organization.timezone });
  try { window.localStorage.setItem(LAST_ORGANIZATION, last); } catch (e) { /* private mode: no head start */ }
}

function guessedStart() {
  let last;
  try { last = JSON.parse(window.localStorage.getItem(LAST_ORGANIZATION)); } catch (e) { last = null; }
  if (!last || typeof last.id !== "string" || typeof last.timezone !== "string") { return null; }
  const asked = new URLSearchParams(window.location.search).get("date");
  let date;
  try { date = isDate(asked) ? asked : dateIn(new Date(), last.timezone); } catch (e) { return null; }
  const guess = {
    organizationId: last.id,
    organization: get("/organizations/" + last.id),
    day: { date: date, answer: get(dayPath(last.id, date)) },
    waitlist: { date: date, answer: readWaitlist(date) }
  };
  guess.waitlist.answer.catch(function () { /* a wrong guess: asked for again */ });
  guess.organization.catch(function () { /* a wrong guess: asked for again */ });
  guess.day.answer.catch(function () { /* a wrong guess: asked for again */ });
  return guess;
}
