// The console's first reads, started as soon as this module has run. The page loads it on its own (async) ahead
// of the other scripts, which take tens of milliseconds to compile and run on a phone or a busy machine; each
// answer is then handed to the first GET of the same path (api.js, useStartedReads). What is asked for: the
// session and, when this browser showed an organization before, that organization, its day and the day's waitlist
// (the guess; app.js checks it against the session and drops it when it is wrong).
import { dateIn, isDate } from "./format.js";

export const LAST_ORGANIZATION = "reserva.console.organization";

export function dayPath(organizationId, date) {
  return "/organizations/" + organizationId + "/days/" + date;
}

const WAITING = ["waiting", "offered", "checked_in"];

/** A day's active waitlist entries, in queue order (the panel's read). */
export function waitlistPath(date) {
  const params = new URLSearchParams();
  params.set("date", date);
  WAITING.forEach(function (status, i) { params.set("status[$in][" + i + "]", status); });
  params.set("$limit", "50");
  return "/waitlist-entries?" + params.toString();
}

/** What this browser showed last: { organizationId, date }, the date from the address or today there; or null. */
export const guess = readGuess();

function readGuess() {
  let last;
  try { last = JSON.parse(window.localStorage.getItem(LAST_ORGANIZATION)); } catch (e) { last = null; }
  if (!last || typeof last.id !== "string" || typeof last.timezone !== "string") { return null; }
  const asked = new URLSearchParams(window.location.search).get("date");
  try {
    return { organizationId: last.id, date: isDate(asked) ? asked : dateIn(new Date(), last.timezone) };
  } catch (e) {
    return null;
  }
}

/** The options api.js gives every GET (this module is not imported there: the sign-in page needs none of it). */
const READ_OPTIONS = Object.freeze({
  headers: { "Accept": "application/json" },
  credentials: "same-origin",
  cache: "no-store"
});

const started = new Map();

function start(path) {
  const response = fetch(path, READ_OPTIONS);
  response.catch(function () { /* refused or offline: the GET that takes it sees it */ });
  started.set(path, response);
}

/** The response of a read started here for this path, once; undefined when none was (or it was taken). */
export function startedRead(path) {
  const response = started.get(path);
  started.delete(path);
  return response;
}

start("/sessions/current");
if (guess) {
  start("/organizations/" + guess.organizationId);
  start(dayPath(guess.organizationId, guess.date));
  start(waitlistPath(guess.date));
}
