// Live updates: the server's event stream. Each reservation or contact event carries the object as the API shows
// it after the change, in commit order, so the console applies it to the day it holds instead of reading the
// whole day again; a "reset" (the stream could not resume) means: read it all again. A stream refused (a 401 or
// 404 answer) stays closed and the console works without it; EventSource reconnects by itself otherwise, and
// resumes after the last event it received (Last-Event-ID).

const RESERVATION_EVENTS = [
  "reservation.created", "reservation.held", "reservation.updated", "reservation.confirmed",
  "reservation.cancelled", "reservation.seated", "reservation.completed", "reservation.no_show",
  "reservation.hold_expired", "reservation.resources_assigned"
];

const CONTACT_EVENTS = ["contact.updated"];

const WAITLIST_EVENTS = [
  "waitlist_entry.created", "waitlist_entry.updated", "waitlist_entry.offered", "waitlist_entry.seated",
  "waitlist_entry.checked_in", "waitlist_entry.cancelled", "waitlist_entry.declined_by_merchant",
  "waitlist_entry.expired", "waitlist_entry.no_show"
];

/**
 * Opens the stream. handlers.reservation(data) and handlers.contact(data) get each event's object, in order;
 * handlers.waitlist(type, data) a waitlist entry's; handlers.reload() is called when the stream could not resume
 * and once when it first opens (a change made between the day's first read and the stream's start would
 * otherwise be missed). onState(true|false) follows whether the stream is open.
 */
export function subscribe(handlers, onState) {
  if (typeof window.EventSource !== "function") { return null; }
  // A refusal (401 once the session has ended, 404) closes an EventSource for good: it does not retry.
  const source = new EventSource("/events/stream");
  const dispatch = function (handler) {
    return function (event) {
      let body;
      try { body = JSON.parse(event.data); } catch (e) { handlers.reload(); return; }
      if (body && body.data) { handler(body.data, event.type); }
    };
  };
  RESERVATION_EVENTS.forEach(function (type) { source.addEventListener(type, dispatch(handlers.reservation)); });
  CONTACT_EVENTS.forEach(function (type) { source.addEventListener(type, dispatch(handlers.contact)); });
  WAITLIST_EVENTS.forEach(function (type) {
    source.addEventListener(type, dispatch(function (data, name) { handlers.waitlist(name, data); }));
  });
  source.addEventListener("reset", function () { handlers.reload(); });
  let opened = false;
  source.addEventListener("open", function () {
    onState(true);
    if (!opened) { opened = true; handlers.reload(); }
  });
  source.addEventListener("error", function () {
    onState(false);
    if (source.readyState === EventSource.CLOSED) { source.close(); }
  });
  return source;
}
