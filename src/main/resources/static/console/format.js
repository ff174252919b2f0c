// Dates and times as the console writes them: always on the organization's wall clock, never the browser's.
import { language } from "./i18n.js";

const cache = new Map();
function intl(options, zone) {
  const key = language() + "|" + zone + "|" + JSON.stringify(options);
  if (!cache.has(key)) { cache.set(key, new Intl.DateTimeFormat(language(), Object.assign({ timeZone: zone }, options))); }
  return cache.get(key);
}

/**
 * 7:30 PM (en) or 19:30 (es). Remembered per instant and zone: a day's 400 tiles start and end on a few dozen
 * quarter hours, and formatting each afresh was the timeline's largest piece of script.
 */
const times = new Map();
export function time(iso, zone) {
  const key = language() + "|" + zone + "|" + iso;
  let text = times.get(key);
  if (text === undefined) {
    if (times.size > 5000) { times.clear(); }
    text = intl({ hour: "numeric", minute: "2-digit" }, zone).format(new Date(iso));
    times.set(key, text);
  }
  return text;
}

/** Friday, 4 December 2026, for a yyyy-mm-dd that is already the organization's date. */
export function dayTitle(date) {
  const text = intl({ weekday: "long", day: "numeric", month: "long", year: "numeric" }, "UTC").format(noon(date));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function shortDate(iso, zone) {
  return intl({ day: "numeric", month: "short", year: "numeric" }, zone).format(new Date(iso));
}

/** The yyyy-mm-dd of an instant in a zone. */
export function dateIn(instant, zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant);
  const get = function (type) { return parts.find(function (p) { return p.type === type; }).value; };
  return get("year") + "-" + get("month") + "-" + get("day");
}

/** HH:mm of an instant in a zone (24 h, for inputs). */
export function hhmm(instant, zone) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(new Date(instant));
  const get = function (type) { return parts.find(function (p) { return p.type === type; }).value; };
  return get("hour") + ":" + get("minute");
}

export function addDays(date, days) {
  const d = noon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

export function isDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) { return false; }
  return noon(text).toISOString().substring(0, 10) === text;
}

/**
 * The instant of a wall-clock time on a date in a zone. Found by asking the zone for its offset around that
 * moment (twice, so a daylight-saving change on that day is respected).
 */
export function instantOf(date, hhmmText, zone) {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = hhmmText.split(":").map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  let guess = asUtc - offsetAt(asUtc, zone);
  guess = asUtc - offsetAt(guess, zone);
  return new Date(guess).toISOString().replace(".000Z", "Z");
}

function offsetAt(ms, zone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit"
  }).formatToParts(new Date(ms));
  const get = function (type) { return Number(parts.find(function (p) { return p.type === type; }).value); };
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(ms / 1000) * 1000;
}

function noon(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}
