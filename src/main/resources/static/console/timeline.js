// The timeline layout: resources (grouped by type) against the day's hours in 15-minute ticks, closed time
// shaded, one tile per reservation (those still running from the day before included), an "unassigned" lane,
// and the covers starting in each quarter hour, with each service's pacing limit beside them.
// Tiles can be dragged to another time or resource; opening a tile offers the same move by keyboard. Empty time
// is booked by dragging across a row or clicking it, or by a focused row's cursor (arrows, Shift+arrows, Enter).
// Drawn for speed: the whole grid is built detached and added once, positions are computed once per
// reservation, and clicks and drags are handled by one listener each on the grid, not one per tile.
import { t } from "./i18n.js";
import { h } from "./dom.js";
import { time, dayTitle } from "./format.js";
import { guestName, OCCUPYING, EXPECTED, TIMELINE_STATUSES } from "./reservations.js";
import { resourcesShown, showsOwnColumn, ownColumnSwitch } from "./own-column.js";

const QUARTER = 15 * 60 * 1000;
export const SLOT_PX = 28;

/** Statuses drawn as tiles. */
const DRAWN = TIMELINE_STATUSES;

/** Statuses counted in the covers footer (and against pacing). */
const COUNTED = EXPECTED.concat(["held"]);

export function renderTimeline(container, state, actions) {
  const day = state.day;
  const zone = day.timezone;
  const from = Date.parse(day.timeline_from);
  const until = Date.parse(day.timeline_until);
  const slots = Math.max(1, Math.round((until - from) / QUARTER));
  const px = function (ms) { return ((ms - from) / QUARTER) * SLOT_PX; };
  const x = function (instant) { return px(Date.parse(instant)); };
  let wallClock = null;

  const grid = h("div", { class: "tl-grid" });
  grid.style.setProperty("--slots", String(slots));
  grid.style.setProperty("--slot", SLOT_PX + "px");

  // Hours along the top, quarter ticks drawn by the lanes' background.
  const ticks = h("div", { class: "tl-ticks", "aria-hidden": "true" });
  for (let i = 0; i < slots; i += 4) {
    const label = h("span", { class: "tl-hour" }, time(new Date(from + i * QUARTER).toISOString(), zone));
    label.style.left = (i * SLOT_PX) + "px";
    ticks.appendChild(label);
  }
  grid.appendChild(h("div", { class: "tl-row tl-head" }, h("div", { class: "tl-label" }), ticks));

  // Each drawn reservation once: its times parsed, and what a tile needs by id (for the grid's listeners).
  const byId = new Map();
  const byResource = new Map();
  const unassigned = [];
  const continuing = day.continuing || [];
  continuing.concat(day.reservations).forEach(function (r) {
    if (!DRAWN.includes(r.status)) { return; }
    const item = { r: r, start: Date.parse(r.start_datetime), end: Date.parse(r.end_datetime), continues: continuing.includes(r) };
    byId.set(r.id, item);
    const held = (r.assigned_resources || []).map(function (a) { return a.resource_id; });
    if (!held.length) { unassigned.push(item); return; }
    Array.from(new Set(held)).forEach(function (id) {
      if (!byResource.has(id)) { byResource.set(id, []); }
      byResource.get(id).push(item);
    });
  });

  let lastType = null;
  const shown = resourcesShown(state);
  const ownOnly = showsOwnColumn(state);
  shown.forEach(function (resource) {
    if (resource.resource_type !== lastType) {
      lastType = resource.resource_type;
      grid.appendChild(h("div", { class: "tl-group" }, h("span", { class: "tl-group-name" }, typeName(lastType))));
    }
    grid.appendChild(lane(resource.id, resource.name + (resource.capacity ? " · " + resource.capacity : ""),
      byResource.get(resource.id) || [], closedStretches(resource.open), resource.name));
  });
  if (!ownOnly) { grid.appendChild(lane("", t("unassigned"), unassigned, [], t("unassigned"))); }
  grid.appendChild(footer());
  pacingRows().forEach(function (row) { grid.appendChild(row); });

  let dragging = null;
  grid.addEventListener("click", function (event) {
    const el = event.target.closest(".tile");
    const item = el && byId.get(el.dataset.reservation);
    if (item) { actions.openReservation(item.r); }
  });
  if (state.canEdit) {
    grid.addEventListener("dragstart", function (event) {
      const el = event.target.closest(".tile");
      const item = el && byId.get(el.dataset.reservation);
      if (!item) { return; }
      const box = el.getBoundingClientRect();
      event.dataTransfer.setData("text/plain", item.r.id);
      event.dataTransfer.effectAllowed = "move";
      dragging = { reservation: item.r, grab: event.clientX - box.left };
    });
    grid.addEventListener("dragend", function () { dragging = null; clearDrop(); });
    grid.addEventListener("dragover", function (event) {
      const track = dropLane(event);
      if (!dragging || !track) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (!track.classList.contains("drop")) { clearDrop(); track.classList.add("drop"); }
    });
    grid.addEventListener("dragleave", function (event) {
      const track = dropLane(event);
      if (track && !track.contains(event.relatedTarget)) { track.classList.remove("drop"); }
    });
    grid.addEventListener("drop", function (event) {
      const track = dropLane(event);
      if (!track) { return; }
      event.preventDefault();
      clearDrop();
      if (!dragging) { return; }
      const box = track.getBoundingClientRect();
      const quarters = Math.round((event.clientX - box.left - dragging.grab) / SLOT_PX);
      const start = new Date(from + Math.max(0, quarters) * QUARTER).toISOString().replace(".000Z", "Z");
      const moved = dragging.reservation;
      dragging = null;
      actions.move(moved, start, track.dataset.resource || null);
    });
  }

  // Booking on empty time: a press on a lane (not on a tile), dragged across quarters or not, opens the
  // new-reservation dialog with that resource, the start snapped to the quarter pressed, and the length when
  // the press was dragged across more than one quarter. The keyboard's way is the focused lane's cursor.
  let picking = null;
  if (state.canEdit) {
    grid.addEventListener("pointerdown", function (event) {
      const track = bookingLane(event.target);
      if (!track || event.button !== 0 || event.target.closest(".tile")) { return; }
      event.preventDefault();
      const at = quarterAt(track, event.clientX);
      picking = { track: track, pointer: event.pointerId, first: at, last: at, box: selection(track) };
      track.setPointerCapture(event.pointerId);
      place(picking.box, at, at + 1);
    });
    grid.addEventListener("pointermove", function (event) {
      if (!picking || event.pointerId !== picking.pointer) { return; }
      picking.last = quarterAt(picking.track, event.clientX);
      place(picking.box, Math.min(picking.first, picking.last), Math.max(picking.first, picking.last) + 1);
    });
    grid.addEventListener("pointerup", function (event) {
      if (!picking || event.pointerId !== picking.pointer) { return; }
      const done = picking;
      picking = null;
      done.box.remove();
      const a = Math.min(done.first, done.last);
      const b = Math.max(done.first, done.last) + 1;
      book(done.track, a, b - a > 1 ? b - a : null);
    });
    grid.addEventListener("pointercancel", function () {
      if (picking) { picking.box.remove(); picking = null; }
    });
    grid.addEventListener("keydown", function (event) {
      const track = event.target;
      if (!track.classList || !track.classList.contains("tl-lane") || !track.cursor) { return; }
      const c = track.cursor;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        const step = event.key === "ArrowRight" ? 1 : -1;
        if (event.shiftKey) {
          c.length = Math.max(1, Math.min(slots - c.at, c.length + step));
        } else {
          c.at = Math.max(0, Math.min(slots - c.length, c.at + step));
        }
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        book(track, c.at, c.length > 1 ? c.length : null);
        return;
      } else {
        return;
      }
      event.preventDefault();
      showCursor(track);
    });
    grid.addEventListener("focusin", function (event) {
      const track = event.target;
      if (!track.classList || !track.classList.contains("tl-lane") || track.dataset.resource === undefined) { return; }
      if (!track.cursor) {
        // Starts where the timeline is scrolled to: the first quarter in view.
        track.cursor = { at: Math.min(slots - 1, Math.floor(region.scrollLeft / SLOT_PX)), length: 1 };
      }
      showCursor(track);
    });
    grid.addEventListener("focusout", function (event) {
      const track = event.target;
      if (track.classList && track.classList.contains("tl-lane")) {
        track.querySelectorAll(".tl-cursor").forEach(function (el) { el.remove(); });
      }
    });
  }

  function bookingLane(target) {
    const track = target.closest ? target.closest(".tl-lane") : null;
    return track && track.dataset.resource !== undefined ? track : null;
  }

  function quarterAt(track, clientX) {
    const q = Math.floor((clientX - track.getBoundingClientRect().left) / SLOT_PX);
    return Math.max(0, Math.min(slots - 1, q));
  }

  function selection(track) {
    const box = h("div", { class: "tl-select", "aria-hidden": "true" });
    track.appendChild(box);
    return box;
  }

  function place(box, a, b) {
    box.style.left = (a * SLOT_PX) + "px";
    box.style.width = ((b - a) * SLOT_PX) + "px";
    box.textContent = time(new Date(from + a * QUARTER).toISOString(), zone) + "–"
      + time(new Date(from + b * QUARTER).toISOString(), zone);
  }

  function showCursor(track) {
    const c = track.cursor;
    let box = track.querySelector(".tl-cursor");
    if (!box) {
      box = selection(track);
      box.classList.add("tl-cursor");
    }
    place(box, c.at, c.at + c.length);
    track.setAttribute("aria-label", t("laneCursor", { resource: track.dataset.name, from: box.textContent }));
    // Keeps the cursor in view as it moves along the row.
    const left = c.at * SLOT_PX;
    const right = (c.at + c.length) * SLOT_PX;
    const label = track.previousElementSibling ? track.previousElementSibling.offsetWidth : 0;
    if (left < region.scrollLeft) { region.scrollLeft = left; }
    else if (right + label > region.scrollLeft + region.clientWidth) { region.scrollLeft = right + label - region.clientWidth; }
  }

  function book(track, at, quarters) {
    actions.newReservation({
      start: new Date(from + at * QUARTER).toISOString().replace(".000Z", "Z"),
      resourceId: track.dataset.resource || null,
      minutes: quarters ? quarters * 15 : null
    });
  }

  function dropLane(event) {
    const track = event.target.closest ? event.target.closest(".tl-lane") : null;
    return track && track.dataset.resource !== undefined ? track : null;
  }

  function clearDrop() {
    grid.querySelectorAll(".tl-lane.drop").forEach(function (el) { el.classList.remove("drop"); });
  }

  const region = h("div", { class: "timeline", id: "timeline", role: "region", tabindex: "0",
    "aria-label": t("timelineLabel", { date: dayTitle(day.date) }) }, grid);
  const whose = ownColumnSwitch(state, actions.hooks.rerender);
  if (whose) { container.appendChild(whose); }
  if (state.canEdit) {
    container.appendChild(h("p", { class: "hint" }, t("dragHint")));
    container.appendChild(h("p", { class: "hint", id: "book-hint" }, t("bookHint")));
  }
  container.appendChild(region);
  // Open on the first hour that has something (in one's own column, when that is what is shown), not on an
  // empty morning.
  const ownIds = shown.map(function (resource) { return resource.id; });
  let first = Infinity;
  byId.forEach(function (item) {
    const inView = !ownOnly || (item.r.assigned_resources || []).some(function (a) { return ownIds.includes(a.resource_id); });
    if (inView) { first = Math.min(first, item.start); }
  });
  region.scrollLeft = first === Infinity ? 0 : Math.max(0, px(first) - 2 * SLOT_PX);

  function lane(resourceId, name, items, closed, resourceName) {
    // Staff reach a row's empty time by keyboard: the row is focusable, its cursor is the quarter to book.
    const track = h("div", state.canEdit
      ? { class: "tl-lane", dataset: { resource: resourceId, name: resourceName }, tabindex: "0", role: "group",
        "aria-label": t("laneBook", { resource: resourceName }), "aria-describedby": "book-hint" }
      : { class: "tl-lane", dataset: { resource: resourceId } });
    closed.forEach(function (span) {
      const shade = h("div", { class: "tl-closed", title: t("closed") });
      shade.style.left = Math.max(0, x(span.from)) + "px";
      shade.style.width = Math.max(0, x(span.until) - Math.max(0, x(span.from))) + "px";
      track.appendChild(shade);
    });
    // Tiles that overlap in one lane (possible with staff overrides, several units, or no resource) stack in
    // sub-rows and are outlined.
    const rows = [];
    const sorted = items.slice().sort(function (a, b) { return a.start - b.start; });
    sorted.forEach(function (item, i) {
      let row = rows.findIndex(function (end) { return end <= item.start; });
      if (row < 0) { row = rows.length; rows.push(0); }
      rows[row] = item.end;
      let overlapping = false;
      for (let j = 0; j < sorted.length && !overlapping; j++) {
        const o = sorted[j];
        overlapping = j !== i && o.start < item.end && item.start < o.end;
      }
      track.appendChild(tile(item, row, overlapping && resourceId !== ""));
    });
    track.style.setProperty("--rows", String(Math.max(1, rows.length)));
    return h("div", { class: "tl-row", dataset: { resource: resourceId } },
      h("div", { class: "tl-label" }, name), track);
  }

  function tile(item, row, overlapping) {
    const r = item.r;
    const guest = guestName(r);
    const label = [t("guestOf", { guest: guest, n: r.party_size }),
      time(r.start_datetime, zone) + "–" + time(r.end_datetime, zone), t("status_" + r.status),
      t("source_" + r.source), r.is_override ? t("override") : null,
      item.continues ? t("fromDayBefore") : null].filter(Boolean).join(", ");
    const el = h("button", {
      type: "button",
      class: "tile status-" + r.status + (overlapping ? " overlap" : "") + (r.is_override ? " override" : "")
        + (item.continues ? " continues" : ""),
      dataset: { reservation: r.id },
      "aria-label": label,
      title: label,
      draggable: state.canEdit && OCCUPYING.includes(r.status) ? "true" : null
    },
    h("span", { class: "tile-guest" }, guest),
    h("span", { class: "tile-party" }, String(r.party_size)),
    h("span", { class: "badge source-" + r.source, "aria-hidden": "true" }, t("badge_" + r.source)));
    // A party from the day before starts at the timeline's left edge.
    const left = Math.max(0, px(item.start));
    el.style.left = left + "px";
    el.style.width = Math.max(SLOT_PX, px(item.end) - left) - 2 + "px";
    el.style.setProperty("--row", String(row));
    return el;
  }

  function footer() {
    const cells = h("div", { class: "tl-lane tl-covers" });
    const counts = new Array(slots).fill(0);
    day.reservations.forEach(function (r) {
      if (!COUNTED.includes(r.status)) { return; }
      const i = Math.floor((Date.parse(r.start_datetime) - from) / QUARTER);
      if (i >= 0 && i < slots) { counts[i] += r.party_size; }
    });
    counts.forEach(function (n, i) {
      if (!n) { return; }
      const cell = h("span", { class: "tl-count", title: time(new Date(from + i * QUARTER).toISOString(), zone) + ": " + n }, String(n));
      cell.style.left = (i * SLOT_PX) + "px";
      cells.appendChild(cell);
    });
    return h("div", { class: "tl-row tl-foot" }, h("div", { class: "tl-label" }, t("coversPer15")), cells);
  }

  /**
   * One row per service with a pacing limit on covers: the service's covers starting in each of its intervals
   * (counted from the local midnight, as the slot engine counts them) against the maximum, marked when over
   * (staff overrides may go past it).
   */
  function pacingRows() {
    return day.services.filter(function (s) {
      return s.pacing && s.pacing.max_covers && s.pacing.interval_minutes;
    }).map(function (service) {
      const interval = service.pacing.interval_minutes;
      const max = service.pacing.max_covers;
      const sums = new Map();
      day.reservations.forEach(function (r) {
        if (r.service_id !== service.id || !COUNTED.includes(r.status)) { return; }
        const start = Date.parse(r.start_datetime);
        const begins = start - (minuteOfDay(start) % interval) * 60000 - (start % 60000);
        const entry = sums.get(begins) || { begins: begins, covers: 0 };
        entry.covers += r.party_size;
        sums.set(begins, entry);
      });
      const cells = h("div", { class: "tl-lane tl-pacing" });
      sums.forEach(function (entry) {
        const over = entry.covers > max;
        const at = time(new Date(entry.begins).toISOString(), zone);
        const cell = h("span", {
          class: "tl-pace" + (over ? " over" : ""),
          title: t("pacingCell", { time: at, n: entry.covers, max: max, minutes: interval })
            + (over ? " · " + t("pacingOver") : "")
        }, entry.covers + "/" + max);
        cell.style.left = Math.max(0, px(entry.begins)) + "px";
        cell.style.width = (interval / 15) * SLOT_PX + "px";
        cells.appendChild(cell);
      });
      return h("div", { class: "tl-row tl-foot" },
        h("div", { class: "tl-label" }, t("pacingLabel", { service: service.name, max: max, minutes: interval })), cells);
    });
  }

  /** Minutes since the local midnight in the day's zone (wall clock, so right on a daylight-saving day). */
  function minuteOfDay(ms) {
    if (!wallClock) {
      wallClock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    }
    const hm = wallClock.format(ms).split(":");
    return Number(hm[0]) * 60 + Number(hm[1]);
  }

  /** The complement of the open stretches within the timeline. */
  function closedStretches(open) {
    const closed = [];
    let cursor = from;
    (open || []).forEach(function (span) {
      const a = Date.parse(span.from);
      const b = Date.parse(span.until);
      if (a > cursor) { closed.push({ from: new Date(cursor).toISOString(), until: new Date(Math.min(a, until)).toISOString() }); }
      cursor = Math.max(cursor, b);
    });
    if (cursor < until) { closed.push({ from: new Date(cursor).toISOString(), until: new Date(until).toISOString() }); }
    return closed;
  }
}

function typeName(type) {
  const known = t("type_" + type);
  return known !== "type_" + type ? known : type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, " ");
}
