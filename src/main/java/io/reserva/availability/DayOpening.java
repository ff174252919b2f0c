package io.reserva.availability;

import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When the organization and each of its resources are open on one local date, by the same rules the engine
 * books by (weekly hours, special hours, closures, the organization's exceptions speaking for every resource),
 * for people to see: a timeline shades what is not listed here. A resource is open where its own hours and the
 * business hours both are, and its area's if the area keeps hours of its own. The windows are those that start on
 * the date, so a window running past midnight is listed whole.
 */
public final class DayOpening {

    /** A stretch of open real time [from, until). */
    public record Span(Instant from, Instant until) {}

    private final List<Span> organization;
    private final Map<UUID, List<Span>> resources;

    private DayOpening(List<Span> organization, Map<UUID, List<Span>> resources) {
        this.organization = organization;
        this.resources = resources;
    }

    public static DayOpening of(CatalogSnapshot catalog, LocalDate date) {
        ZoneId organizationZone = ZoneId.of(catalog.organizationTimezone());
        OpeningHours businessHours = ScheduleAssembler.hoursOf(catalog, null, organizationZone);
        OwnerCalendar organization = OwnerCalendar.ofOrganization(businessHours);
        // A resource's window past midnight meets the business hours of the next date (or, for an organization
        // without hours, its next whole day): the neighbouring dates count when the two are intersected.
        List<Span> around = spans(organization, date.minusDays(1), date, date.plusDays(1));
        Map<UUID, List<Span>> areas = new HashMap<>();
        ScheduleAssembler.areaHoursOf(catalog)
                .forEach((area, hours) -> areas.put(
                        area,
                        intersect(
                                spans(
                                        OwnerCalendar.ofResource(hours, businessHours),
                                        date.minusDays(1),
                                        date,
                                        date.plusDays(1)),
                                around)));
        Map<UUID, List<Span>> resources = new LinkedHashMap<>();
        for (ReservationResource resource : catalog.resources()) {
            OpeningHours own = ScheduleAssembler.hoursOf(catalog, resource.id(), ZoneId.of(resource.timezone()));
            List<Span> open = intersect(spans(OwnerCalendar.ofResource(own, businessHours), date), around);
            List<Span> area = resource.areaId() == null ? null : areas.get(resource.areaId());
            resources.put(resource.id(), area == null ? open : intersect(open, area));
        }
        return new DayOpening(spans(organization, date), resources);
    }

    /** The business hours of the date. */
    public List<Span> organization() {
        return organization;
    }

    /** Where the resource is open on the date; nothing for a resource the catalog does not know. */
    public List<Span> resource(UUID resourceId) {
        return resources.getOrDefault(resourceId, List.of());
    }

    /** The windows that start on these dates, merged where they touch or overlap. */
    private static List<Span> spans(OwnerCalendar calendar, LocalDate... dates) {
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date : dates) {
            for (LocalWindow window : calendar.windowsOn(date)) {
                Interval interval = window.toInterval(calendar.zone());
                if (!interval.isEmpty()) {
                    intervals.add(interval);
                }
            }
        }
        intervals.sort(Comparator.comparing(Interval::from));
        List<Span> merged = new ArrayList<>();
        for (Interval interval : intervals) {
            int last = merged.size() - 1;
            if (last >= 0 && !interval.from().isAfter(merged.get(last).until())) {
                Span previous = merged.get(last);
                if (interval.until().isAfter(previous.until())) {
                    merged.set(last, new Span(previous.from(), interval.until()));
                }
            } else {
                merged.add(new Span(interval.from(), interval.until()));
            }
        }
        return List.copyOf(merged);
    }

    /** Both sorted and disjoint, so one pass finds every overlap. */
    static List<Span> intersect(List<Span> a, List<Span> b) {
        List<Span> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Instant from = max(a.get(i).from(), b.get(j).from());
            Instant until = min(a.get(i).until(), b.get(j).until());
            if (from.isBefore(until)) {
                both.add(new Span(from, until));
            }
            if (a.get(i).until().isBefore(b.get(j).until())) {
                i++;
            } else {
                j++;
            }
        }
        return List.copyOf(both);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
