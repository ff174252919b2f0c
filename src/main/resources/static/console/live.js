// Live updates: the server's event stream. Any reservation or waitlist change makes the day be read again
// (debounced, so a burst of events is one read). When the stream does not exist on this server (404) the
// console works without it and does not retry; EventSource reconnects by itself otherwise.
// 50 ms: the events of one change (a booking's created, resources_assigned, ...) arrive together in one read of the
// server's fan-out, so this still makes them one read of the day; 250 ms cost a change p50 335 ms from one console
// to another (ConsoleLiveBenchmark), over the 300 ms target.
const DEBOUNCE_MS = 50;

/**
 * Whether the server has the stream: a GET whose answer's status is all we read (the body never ends, so the
 * request is aborted as soon as the status is known). A server that sends its headers only with the first event
 * counts as having it once a moment has passed without a refusal.
 */
async function streamExists() {
  const controller = new AbortController();
  const patience = setTimeout(function () { controller.abort(); }, 2000);
  try {
    const probe = await fetch("/events/stream", {
      headers: { "Accept": "text/event-stream" }, credentials: "same-origin", cache: "no-store",
      signal: controller.signal
    });
    const ok = probe.ok && (probe.headers.get("Content-Type") || "").startsWith("text/event-stream");
    controller.abort();
    return ok;
  } catch (e) {
    return e && e.name === "AbortError" && controller.signal.aborted;
  } finally {
    clearTimeout(patience);
  }
}

export async function subscribe(onChange, onState) {
  if (typeof window.EventSource !== "function") { return null; }
  const available = await streamExists();
  if (!available) { onState(false); return null; }
  const source = new EventSource("/events/stream");
  let timer = null;
  const changed = function (event) {
    if (!/^(reservation|waitlist_entry)\./.test(event.type)) { return; }
    clearTimeout(timer);
    timer = setTimeout(onChange, DEBOUNCE_MS);
  };
  [
    "reservation.created", "reservation.held", "reservation.updated", "reservation.confirmed",
    "reservation.cancelled", "reservation.seated", "reservation.completed", "reservation.no_show",
    "reservation.hold_expired", "reservation.resources_assigned",
    "waitlist_entry.created", "waitlist_entry.updated", "waitlist_entry.offered", "waitlist_entry.seated",
    "waitlist_entry.checked_in", "waitlist_entry.cancelled", "waitlist_entry.declined_by_merchant",
    "waitlist_entry.expired", "waitlist_entry.no_show"
  ].forEach(function (type) { source.addEventListener(type, changed); });
  source.addEventListener("open", function () { onState(true); });
  source.addEventListener("error", function () {
    onState(false);
    if (source.readyState === EventSource.CLOSED) { source.close(); }
  });
  return source;
}
