// How the booking pages write dates and times. Every screen goes through here, so a time reads the same
// everywhere for the page's language (en: 7:30 PM, es: 19:30) and is always in the venue's time zone: a guest
// abroad sees the hour they must arrive, not the hour on their own clock.

const TIME = { hour: "numeric", minute: "2-digit" };

/** Formatters for one language; every instant is shown in the time zone given, never the browser's. */
export function formatter(lang) {
  const cache = new Map();
  const intl = function (options, timeZone) {
    const key = JSON.stringify(options) + "|" + timeZone;
    if (!cache.has(key)) { cache.set(key, new Intl.DateTimeFormat(lang, Object.assign({ timeZone: timeZone }, options))); }
    return cache.get(key);
  };
  const requireZone = function (timeZone) {
    if (!timeZone) { throw new Error("A time needs the venue's time zone"); }
    return timeZone;
  };
  return {
    /** 7:30 PM (en) or 19:30 (es). */
    time: function (iso, timeZone) {
      return intl(TIME, requireZone(timeZone)).format(new Date(iso));
    },
    /** Wednesday 2 December 2026 · 7:30 PM: the date in full, then the time written as time() writes it. */
    dateTime: function (iso, timeZone) {
      const date = intl({ weekday: "long", day: "numeric", month: "long", year: "numeric" }, requireZone(timeZone));
      return date.format(new Date(iso)) + " · " + this.time(iso, timeZone);
    },
    /** A calendar date (yyyy-mm-dd, already the venue's), e.g. Wednesday, 2 December. */
    day: function (dateText) {
      return intl({ weekday: "long", day: "numeric", month: "long" }, "UTC").format(utcNoon(dateText));
    },
    /** The month's name and year, capitalised (Spanish writes "diciembre de 2026"). */
    month: function (year, month) {
      const name = intl({ month: "long", year: "numeric" }, "UTC").format(new Date(Date.UTC(year, month, 15)));
      return name.charAt(0).toUpperCase() + name.slice(1);
    },
    /** The long and the one-letter name of a weekday, 0 = Monday. */
    weekday: function (index) {
      // 2024-01-01 was a Monday: weeks start on Monday.
      const date = new Date(Date.UTC(2024, 0, 1 + index));
      return { long: intl({ weekday: "long" }, "UTC").format(date), narrow: intl({ weekday: "narrow" }, "UTC").format(date) };
    }
  };
}

/** Today's date (yyyy-mm-dd) on the venue's wall clock. */
export function todayIn(timeZone, now) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(now || new Date());
}

/** yyyy-mm-dd for a year, a month counted from 0 and a day. */
export function isoDay(year, month, day) {
  return year + "-" + String(month + 1).padStart(2, "0") + "-" + String(day).padStart(2, "0");
}

/** The date a number of days after a yyyy-mm-dd date. */
export function addDays(dateText, days) {
  const date = utcNoon(dateText);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().substring(0, 10);
}

function utcNoon(dateText) {
  const parts = dateText.split("-");
  return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2], 12));
}
