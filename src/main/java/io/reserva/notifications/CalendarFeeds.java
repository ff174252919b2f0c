package io.reserva.notifications;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.AssignedResource;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import io.reserva.users.UserManagement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret, revocable calendar feeds ({@code /calendars/{token}.ics}): the upcoming bookings of an organization, of
 * one resource or of one staff user (every person resource naming them), and the ones cancelled in the last 7 days
 * as {@code STATUS:CANCELLED}, for staff to subscribe to from their calendar app. Guest names are in it (it is the
 * staff's own calendar); staff-only internal notes never.
 */
@Service
public class CalendarFeeds {

    static final String TOKEN_PREFIX = "cal_";
    static final Duration CANCELLED_WITHIN = Duration.ofDays(7);
    /** At most this many bookings of each kind (upcoming, cancelled) are put in one feed. */
    static final int MAX_EVENTS = 5_000;

    private static final int NAME_MAX = 200;
    private static final String UPCOMING = "pending,confirmed,seated";

    private final CalendarFeedRepository feeds;
    private final ReservationManagement reservations;
    private final Catalog catalog;
    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final Clock clock;

    CalendarFeeds(
            CalendarFeedRepository feeds,
            ReservationManagement reservations,
            Catalog catalog,
            OrganizationManagement organizations,
            UserManagement users,
            Clock clock) {
        this.feeds = feeds;
        this.reservations = reservations;
        this.catalog = catalog;
        this.organizations = organizations;
        this.users = users;
        this.clock = clock;
    }

    /** A feed's document, with the validators a client sends back to ask whether it changed. */
    public record Document(String body, String etag, Instant lastModified) {}

    @Transactional
    public IssuedCalendarFeed create(Caller caller, NewCalendarFeed request) {
        if (!isOwnFeed(caller, request.userId())) {
            caller.requireAdmin();
        }
        UUID organization = caller.organizationFor(request.organizationId());
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name != null && name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        }
        if (request.resourceId() != null
                && catalog.snapshot(organization).resource(request.resourceId()).isEmpty()) {
            errors.add(new FieldError("resource_id", "is not a resource of this organization"));
        }
        if (request.userId() != null && request.resourceId() != null) {
            errors.add(new FieldError("user_id", "a feed is of one resource or of one user, not both"));
        } else if (request.userId() != null && !users.isMember(organization, request.userId())) {
            errors.add(new FieldError("user_id", "must be a user of this organization (see /users)"));
        }
        ReservaException.throwIfAny(errors);
        CalendarFeed feed = new CalendarFeed(
                Ids.newId(),
                organization,
                request.resourceId(),
                request.userId(),
                name == null || name.isEmpty() ? null : name,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null);
        String token = Secrets.newSecret(TOKEN_PREFIX);
        feeds.insert(feed, Secrets.sha256(token));
        return new IssuedCalendarFeed(feed, token, "/calendars/" + token + ".ics");
    }

    public List<CalendarFeed> list(Caller caller, UUID organizationId) {
        return feeds.list(caller.organizationFor(organizationId));
    }

    /** Revokes a feed: its URL answers 404 from now on. Revoking twice answers the feed as it is. */
    @Transactional
    public CalendarFeed revoke(Caller caller, UUID id, UUID organizationId) {
        UUID organization = caller.organizationFor(organizationId);
        CalendarFeed feed =
                feeds.find(organization, id).orElseThrow(() -> ReservaException.notFound("Calendar feed", id));
        if (!isOwnFeed(caller, feed.userId())) {
            caller.requireAdmin();
        }
        feeds.revoke(organization, id, clock.instant());
        return feeds.find(organization, id).orElseThrow();
    }

    /** A signed-in user's own feed, which any role may create and revoke; everything else is for admins. */
    private static boolean isOwnFeed(Caller caller, UUID feedUserId) {
        return feedUserId != null && caller.isUser() && feedUserId.equals(caller.userId());
    }

    /** The feed a token opens, rendered now; an unknown or revoked token is 404 (the two are not told apart). */
    public Document render(String token) {
        CalendarFeed feed = feeds.findActiveByTokenHash(Secrets.sha256(token))
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "There is no such calendar feed"));
        UUID organization = feed.organizationId();
        Caller system = new Caller(null, organization, Role.ADMIN);
        Instant now = clock.instant();
        CatalogSnapshot snapshot = catalog.snapshot(organization);
        List<ReservationResource> people = feed.userId() == null
                ? List.of()
                : snapshot.resources().stream()
                        .filter(resource -> feed.userId().equals(resource.userId()))
                        .toList();
        List<UUID> scope = feed.userId() != null
                ? people.stream().map(ReservationResource::id).toList()
                : Collections.singletonList(feed.resourceId()); // null: the whole organization
        List<ReservationView> upcoming =
                fetch(system, scope, Map.of("status[$in]", UPCOMING, "end_datetime[$gte]", now.toString()));
        Instant cancelledSince = now.minus(CANCELLED_WITHIN);
        List<ReservationView> cancelled =
                fetch(system, scope, Map.of("status", "cancelled", "updated_at[$gte]", cancelledSince.toString()))
                        .stream()
                        .filter(r -> r.cancelledAt() != null && !r.cancelledAt().isBefore(cancelledSince))
                        .toList();

        List<ReservationView> all = new ArrayList<>(upcoming);
        all.addAll(cancelled);
        Map<UUID, Integer> sequences = feeds.inviteSequences(
                organization, all.stream().map(ReservationView::id).toList());
        String organizationName = organizations.get(system, organization).name();
        Instant lastModified = feed.createdAt();
        List<VEvent> events = new ArrayList<>();
        for (ReservationView reservation : all) {
            if (reservation.updatedAt().isAfter(lastModified)) {
                lastModified = reservation.updatedAt();
            }
            events.add(event(reservation, sequences.getOrDefault(reservation.id(), 0), snapshot));
        }
        String calendarName = organizationName + calendarSuffix(feed, snapshot, people);
        String body = CalendarInvites.publish(calendarName, events);
        String etag =
                "\"" + HexFormat.of().formatHex(Secrets.sha256(body.getBytes(StandardCharsets.UTF_8)), 0, 16) + "\"";
        return new Document(body, etag, lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    /** What follows the organization's name in the calendar's name: the feed's label, its people or its resource. */
    private static String calendarSuffix(
            CalendarFeed feed, CatalogSnapshot snapshot, List<ReservationResource> people) {
        if (feed.name() != null) {
            return " · " + feed.name();
        }
        if (feed.userId() != null) {
            return " · " + people.stream().map(ReservationResource::name).collect(Collectors.joining(", "));
        }
        if (feed.resourceId() != null) {
            return " · "
                    + snapshot.resource(feed.resourceId())
                            .map(ReservationResource::name)
                            .orElse("");
        }
        return "";
    }

    /**
     * The bookings matching {@code filters} that hold any of {@code resourceIds} (a {@code null} entry: the whole
     * organization), each once, in the order of the list; at most {@link #MAX_EVENTS}.
     */
    private List<ReservationView> fetch(Caller system, List<UUID> resourceIds, Map<String, String> filters) {
        Map<UUID, ReservationView> found = new LinkedHashMap<>();
        for (UUID resourceId : resourceIds) {
            String cursor = "*";
            while (cursor != null && found.size() < MAX_EVENTS) {
                Map<String, String[]> parameters = new LinkedHashMap<>();
                filters.forEach((key, value) -> parameters.put(key, new String[] {value}));
                parameters.put("$cursor", new String[] {cursor});
                parameters.put("$limit", new String[] {"500"});
                Page<ReservationView> page =
                        reservations.list(system, ReservationManagement.QUERY.parse(parameters), resourceId);
                page.data().forEach(reservation -> found.putIfAbsent(reservation.id(), reservation));
                cursor = Boolean.TRUE.equals(page.hasMore()) ? page.nextCursor() : null;
            }
        }
        List<ReservationView> all = new ArrayList<>(found.values());
        return all.size() > MAX_EVENTS ? all.subList(0, MAX_EVENTS) : all;
    }

    /**
     * One booking as an event: the service, the guest's name and the party size as its title; the code, status
     * and the guest's own notes as its description; the resources it holds as its place. Never internal notes.
     */
    private static VEvent event(ReservationView reservation, int sequence, CatalogSnapshot snapshot) {
        String service = snapshot.service(reservation.serviceId())
                .map(ReservationService::name)
                .orElse("Booking");
        String guest = reservation.contact() == null
                ? ""
                : ((nullToEmpty(reservation.contact().firstName()) + " "
                                + nullToEmpty(reservation.contact().lastName()))
                        .strip());
        String summary = service + (guest.isEmpty() ? "" : ": " + guest) + " (" + reservation.partySize() + ")";
        StringBuilder description = new StringBuilder()
                .append("Code: ")
                .append(reservation.confirmationCode())
                .append("\nStatus: ")
                .append(reservation.status().wire())
                .append("\nParty: ")
                .append(reservation.partySize());
        if (reservation.customerNotes() != null && !reservation.customerNotes().isBlank()) {
            description.append("\nGuest's notes: ").append(reservation.customerNotes());
        }
        String location = reservation.assignedResources() == null
                ? null
                : reservation.assignedResources().stream()
                        .map(AssignedResource::name)
                        .distinct()
                        .collect(Collectors.joining(", "));
        ReservationStatus status = reservation.status();
        return CalendarInvites.feedEvent(
                reservation.id(),
                reservation.startDatetime(),
                reservation.endDatetime(),
                sequence,
                status == ReservationStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : status == ReservationStatus.PENDING
                                ? ImmutableStatus.VEVENT_TENTATIVE
                                : ImmutableStatus.VEVENT_CONFIRMED,
                reservation.updatedAt(),
                summary,
                description.toString(),
                location);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
