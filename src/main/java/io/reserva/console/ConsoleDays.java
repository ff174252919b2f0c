package io.reserva.console;

import io.reserva.availability.DayOpening;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.console.Day.DayAssignment;
import io.reserva.console.Day.DayContact;
import io.reserva.console.Day.DayCounts;
import io.reserva.console.Day.DayReservation;
import io.reserva.console.Day.DayResource;
import io.reserva.console.Day.DayService;
import io.reserva.console.Day.OpenSpan;
import io.reserva.console.Day.Tally;
import io.reserva.contacts.ContactDirectory;
import io.reserva.reservations.ReservationBrief;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationStatus;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Reads one local day of an organization for the console: one catalog snapshot (cached), one query for the
 * reservations starting that day and one for those running into it (in short), one for their units each, and one
 * for their guests' tags. Every role of the organization may read it.
 */
@Service
public class ConsoleDays {

    private static final DateTimeFormatter LOCAL_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final Set<ReservationStatus> BOOKED = EnumSet.of(
            ReservationStatus.PENDING,
            ReservationStatus.CONFIRMED,
            ReservationStatus.SEATED,
            ReservationStatus.COMPLETED,
            ReservationStatus.NO_SHOW);

    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final ReservationManagement reservations;
    private final ContactDirectory contacts;

    ConsoleDays(
            OrganizationManagement organizations,
            Catalog catalog,
            ReservationManagement reservations,
            ContactDirectory contacts) {
        this.organizations = organizations;
        this.catalog = catalog;
        this.reservations = reservations;
        this.contacts = contacts;
    }

    /** The day; another organization's id is "not found", as everywhere. */
    public Day day(Caller caller, UUID organizationId, LocalDate date) {
        Organization organization = organizations.get(caller, caller.organizationFor(organizationId));
        CatalogSnapshot snapshot = catalog.snapshot(organization.id());
        ZoneId zone = ZoneId.of(snapshot.organizationTimezone());
        List<ReservationBrief> day = reservations.onDay(caller, organization.id(), date);
        List<ReservationBrief> continuing = reservations.continuingInto(caller, organization.id(), date);
        DayOpening opening = DayOpening.of(snapshot, date);

        Set<UUID> held = new HashSet<>();
        day.forEach(r -> held.addAll(r.resourceIds()));
        continuing.forEach(r -> held.addAll(r.resourceIds()));
        List<DayResource> resources = snapshot.resources().stream()
                .filter(resource -> resource.isActive() || held.contains(resource.id()))
                .sorted(Comparator.comparing(ReservationResource::resourceType)
                        .thenComparing(ReservationResource::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ReservationResource::id))
                .map(resource -> new DayResource(
                        resource.id(),
                        resource.name(),
                        resource.resourceType(),
                        resource.capacity(),
                        resource.units(),
                        resource.isActive(),
                        resource.userId(),
                        resource.timezone(),
                        spans(opening.resource(resource.id()), ZoneId.of(resource.timezone()))))
                .toList();
        List<DayService> services = snapshot.services().stream()
                .sorted(Comparator.comparing(s -> s.name().toLowerCase(java.util.Locale.ROOT)))
                .map(service -> new DayService(
                        service.id(),
                        service.name(),
                        service.durationMinutes(),
                        service.minPartySize(),
                        service.maxPartySize(),
                        service.isActive(),
                        service.pacing() == null || service.pacing().limitsNothing() ? null : service.pacing()))
                .toList();
        List<UUID> contactIds = Stream.concat(day.stream(), continuing.stream())
                .map(ReservationBrief::contactId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<DayContact> guests = contacts.tagsOf(organization.id(), contactIds).entrySet().stream()
                .map(tags -> new DayContact(tags.getKey(), tags.getValue()))
                .toList();

        Instant startsAt = date.atStartOfDay(zone).toInstant();
        Instant endsAt = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = null;
        Instant until = null;
        // The resources' hours (already within the business hours) bound the timeline; the business hours
        // alone only when there is no resource, since an organization without hours is open all day.
        if (resources.isEmpty()) {
            for (DayOpening.Span span : opening.organization()) {
                from = earlier(from, span.from());
                until = later(until, span.until());
            }
        }
        for (DayResource resource : resources) {
            for (OpenSpan span : resource.open()) {
                from = earlier(from, span.from());
                until = later(until, span.until());
            }
        }
        for (ReservationBrief reservation : day) {
            from = earlier(from, reservation.startDatetime());
            until = later(until, reservation.endDatetime());
        }
        // A party still at its table from the night before is drawn from the day's first moment.
        for (ReservationBrief reservation : continuing) {
            from = startsAt;
            until = later(until, reservation.endDatetime());
        }
        if (from == null || !from.isBefore(until)) {
            from = startsAt;
            until = endsAt;
        }
        return new Day(
                organization.id(),
                date,
                zone.getId(),
                startsAt,
                endsAt,
                floorToHour(from, zone),
                ceilToHour(until, zone),
                counts(day),
                spans(opening.organization(), zone),
                resources,
                services,
                day.stream().map(r -> shortForm(r, snapshot)).toList(),
                continuing.stream().map(r -> shortForm(r, snapshot)).toList(),
                guests);
    }

    private static DayReservation shortForm(ReservationBrief r, CatalogSnapshot snapshot) {
        return new DayReservation(
                r.id(),
                r.serviceId(),
                r.contactId(),
                r.contact(),
                r.guestDetails(),
                r.partySize(),
                r.startDatetime(),
                r.endDatetime(),
                r.status(),
                r.source(),
                r.customerNotes(),
                r.internalNotes(),
                r.resourceIds().stream()
                        .map(id -> new DayAssignment(
                                id,
                                snapshot.resource(id)
                                        .map(ReservationResource::name)
                                        .orElse(null)))
                        .toList(),
                r.confirmationCode(),
                r.isOverride());
    }

    static DayCounts counts(List<ReservationBrief> day) {
        return new DayCounts(
                tally(day, BOOKED),
                tally(day, EnumSet.of(ReservationStatus.SEATED)),
                tally(day, EnumSet.of(ReservationStatus.COMPLETED)),
                tally(day, EnumSet.of(ReservationStatus.PENDING, ReservationStatus.CONFIRMED)),
                tally(day, EnumSet.of(ReservationStatus.NO_SHOW)),
                tally(day, EnumSet.of(ReservationStatus.CANCELLED)));
    }

    private static Tally tally(List<ReservationBrief> day, Set<ReservationStatus> statuses) {
        int parties = 0;
        int covers = 0;
        for (ReservationBrief reservation : day) {
            if (statuses.contains(reservation.status())) {
                parties++;
                covers += reservation.partySize();
            }
        }
        return new Tally(parties, covers);
    }

    private static List<OpenSpan> spans(List<DayOpening.Span> spans, ZoneId zone) {
        return spans.stream()
                .map(span -> new OpenSpan(
                        span.from(),
                        span.until(),
                        LOCAL_WITH_OFFSET.format(span.from().atZone(zone)),
                        LOCAL_WITH_OFFSET.format(span.until().atZone(zone))))
                .toList();
    }

    private static Instant floorToHour(Instant instant, ZoneId zone) {
        return instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    private static Instant ceilToHour(Instant instant, ZoneId zone) {
        Instant floor = floorToHour(instant, zone);
        return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.HOURS);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
