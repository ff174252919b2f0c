package io.reserva.google;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearchResult;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.ContactDetails;
import io.reserva.google.GoogleBookingRepository.GoogleBooking;
import io.reserva.reservations.BookingRecorder;
import io.reserva.reservations.CancellationPolicy;
import io.reserva.reservations.GuestReservations;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's Actions Center booking server, v3: the request and response messages of Google's reference in
 * proto3's JSON mapping, answered by the same slot engine ({@link SlotFinder}) and the same guest commands
 * ({@link GuestReservations}) as every other channel. Business failures are answers ({@code booking_failure});
 * malformed requests, unknown merchants, services and bookings are HTTP errors. See docs/google.md.
 */
@Service
public class BookingServer {

    /** A start more than this far out is not a real slot: it keeps dates inside what the engine accepts. */
    private static final long LAST_START_SEC =
            Instant.parse("9000-01-01T00:00:00Z").getEpochSecond();

    private static final int MAX_SLOT_TIMES = 5_000;
    private static final int RANGE_DAYS = 62;
    private static final int TEXT_MAX = 1_000;
    private static final int NOTES_MAX = 5_000;

    private final GoogleIntegrationRepository integrations;
    private final GoogleBookingRepository bookings;
    private final Catalog catalog;
    private final SlotFinder slots;
    private final GuestReservations guests;
    private final JsonMapper json;
    private final Clock clock;

    BookingServer(
            GoogleIntegrationRepository integrations,
            GoogleBookingRepository bookings,
            Catalog catalog,
            SlotFinder slots,
            GuestReservations guests,
            JsonMapper json,
            Clock clock) {
        this.integrations = integrations;
        this.bookings = bookings;
        this.catalog = catalog;
        this.slots = slots;
        this.guests = guests;
        this.json = json;
        this.clock = clock;
    }

    /** A slot as Google names it, resolved to the organization's service. */
    private record Slot(
            String merchantId,
            String googleServiceId,
            UUID organizationId,
            ReservationService service,
            Instant start,
            Long durationSec,
            int partySize) {

        /** Whether Google's duration (when it sent one) is the one this party stays. */
        boolean durationFits() {
            return durationSec == null || durationSec == 0 || durationSec == service.durationFor(partySize) * 60L;
        }
    }

    public Map<String, Object> healthCheck() {
        return Map.of();
    }

    // ---- CheckAvailability ------------------------------------------------------------------------------------

    public Map<String, Object> checkAvailability(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        JsonNode slotNode = reader.message(request, "slot", "slot", true);
        Slot slot = readSlot(reader, slotNode, "slot");
        reader.throwIfInvalid();
        Map<Instant, SlotSearchResult.Slot> free = freeStarts(
                        slot.organizationId(), slot.service(), Set.of(slot.partySize()), List.of(slot.start()))
                .get(slot.partySize());
        SlotSearchResult.Slot found = free.get(slot.start());
        boolean available = found != null && slot.durationFits();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("slot", slotMessage(slot, slotNode));
        response.put(
                "count_available", available ? (found.remainingCapacity() == null ? 1 : found.remainingCapacity()) : 0);
        response.put("duration_requirement", "DO_NOT_SHOW_DURATION");
        Instant deadline = CancellationPolicy.of(slot.service()).shownDeadline(slot.start());
        if (available && deadline != null) {
            response.put("last_online_cancellable_sec", Long.toString(deadline.getEpochSecond()));
        }
        return response;
    }

    // ---- BatchAvailabilityLookup ------------------------------------------------------------------------------

    /** Exactly one answer per requested slot time, in the order asked; a service Google does not map is never free. */
    public Map<String, Object> batchAvailabilityLookup(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String merchantId = reader.string(request, "merchant_id", "merchant_id", true, TEXT_MAX);
        JsonNode slotTimes = reader.repeated(request, "slot_time", "slot_time");
        int count = slotTimes == null ? 0 : slotTimes.size();
        if (count > MAX_SLOT_TIMES) {
            reader.invalid("slot_time", "at most " + MAX_SLOT_TIMES + " slot times per request");
        }
        record Asked(JsonNode node, String googleServiceId, Instant start, Long durationSec, Integer partySize) {}
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < count && i < MAX_SLOT_TIMES; i++) {
            String path = "slot_time[" + i + "]";
            JsonNode node = slotTimes.get(i);
            if (!node.isObject()) {
                reader.invalid(path, "must be an object");
                continue;
            }
            String service = reader.string(node, "service_id", path + ".service_id", true, TEXT_MAX);
            Instant start = start(reader, node, path);
            Long duration = duration(reader, node, path);
            JsonNode resources = reader.message(node, "resource_ids", path + ".resource_ids", false);
            Integer party = partySize(reader, resources, path + ".resource_ids");
            asked.add(new Asked(node, service, start, duration, party));
        }
        reader.throwIfInvalid();
        UUID organizationId = organizationOf(merchantId);
        Map<String, Optional<ReservationService>> services = new HashMap<>();
        // One engine pass per service for every party size and day asked of it, not one per size.
        Map<UUID, ReservationService> servicesAsked = new LinkedHashMap<>();
        Map<UUID, List<Instant>> startsByService = new HashMap<>();
        Map<UUID, Set<Integer>> sizesByService = new HashMap<>();
        for (Asked one : asked) {
            Optional<ReservationService> service =
                    services.computeIfAbsent(one.googleServiceId(), id -> mappedService(organizationId, id));
            service.ifPresent(s -> {
                servicesAsked.put(s.id(), s);
                startsByService.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(one.start());
                sizesByService.computeIfAbsent(s.id(), k -> new TreeSet<>()).add(one.partySize());
            });
        }
        Map<UUID, Map<Integer, Map<Instant, SlotSearchResult.Slot>>> free = new HashMap<>();
        servicesAsked.forEach((id, service) ->
                free.put(id, freeStarts(organizationId, service, sizesByService.get(id), startsByService.get(id))));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Asked one : asked) {
            boolean available = services.get(one.googleServiceId())
                    .map(service -> free.get(service.id()).get(one.partySize()).containsKey(one.start())
                            && (one.durationSec() == null
                                    || one.durationSec() == 0
                                    || one.durationSec() == service.durationFor(one.partySize()) * 60L))
                    .orElse(false);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("slot_time", slotTimeMessage(one.node(), one.start(), one.durationSec(), one.partySize()));
            answer.put("available", available);
            answers.add(answer);
        }
        return Map.of("slot_time_availability", answers);
    }

    // ---- CreateBooking ----------------------------------------------------------------------------------------

    /**
     * Books the slot for Google's user. The same {@code idempotency_token} answers the booking it made (as it is
     * now); with a different request it is {@code 409}; a new token never finds an old booking. The token is
     * written in the booking's own transaction, behind a lock on the token, so concurrent retries book once.
     */
    public Map<String, Object> createBooking(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        JsonNode slotNode = reader.message(request, "slot", "slot", true);
        JsonNode user = reader.message(request, "user_information", "user_information", true);
        String token = reader.string(request, "idempotency_token", "idempotency_token", false, 255);
        String notes = reader.string(request, "additional_request", "additional_request", false, NOTES_MAX);
        String userId = reader.string(user, "user_id", "user_information.user_id", user != null, TEXT_MAX);
        String givenName = reader.string(user, "given_name", "user_information.given_name", false, 100);
        String familyName = reader.string(user, "family_name", "user_information.family_name", false, 100);
        String telephone = reader.string(user, "telephone", "user_information.telephone", false, 40);
        String email = reader.string(user, "email", "user_information.email", false, 254);
        Slot slot = readSlot(reader, slotNode, "slot");
        reader.throwIfInvalid();
        byte[] hash = fingerprint(
                slot.merchantId(),
                slot.googleServiceId(),
                Long.toString(slot.start().getEpochSecond()),
                String.valueOf(slot.durationSec()),
                Integer.toString(slot.partySize()),
                userId,
                givenName,
                familyName,
                telephone,
                email,
                notes);
        if (token != null) {
            Optional<GoogleBooking> earlier = bookings.byToken(slot.organizationId(), token);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        if (!slot.durationFits()) {
            return Map.of("booking_failure", failure("SLOT_UNAVAILABLE", "the duration is not this slot's"));
        }
        String userInformation = json.writeValueAsString(user);
        BookingRecorder recorder = new BookingRecorder() {
            @Override
            public void beforeBooking() {
                if (token != null) {
                    bookings.lockToken(slot.organizationId(), token);
                    Optional<GoogleBooking> made = bookings.byToken(slot.organizationId(), token);
                    if (made.isPresent()) {
                        throw new AlreadyBooked(made.get());
                    }
                }
                // The same user's bookings are checked here, inside the booking's transaction and behind a lock
                // on the user, so two of their bookings with different tokens cannot both pass (a retry of this
                // very request has been answered above by its token, and never counts against itself).
                if (userId != null) {
                    bookings.lockUser(slot.organizationId(), userId);
                    Optional<Map<String, Object>> conflict = userConflict(slot, userId);
                    if (conflict.isPresent()) {
                        throw new UserRefused(conflict.get());
                    }
                }
            }

            @Override
            public void booked(ReservationView booking) {
                bookings.insert(
                        new GoogleBooking(
                                slot.organizationId(),
                                booking.id(),
                                slot.googleServiceId(),
                                token,
                                hash,
                                userId,
                                userInformation),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
        };
        ReservationView booked;
        try {
            booked = guests.book(
                    slot.organizationId(),
                    new GuestReservations.GuestBooking(
                            slot.service().id(),
                            slot.partySize(),
                            slot.start(),
                            ReservationSource.GOOGLE,
                            new ContactDetails(givenName, familyName, email, telephone),
                            notes),
                    recorder);
        } catch (AlreadyBooked e) {
            return replay(e.booking, hash);
        } catch (UserRefused e) {
            return Map.of("booking_failure", e.failure);
        } catch (DuplicateKeyException e) {
            return replay(bookings.byToken(slot.organizationId(), token).orElseThrow(() -> e), hash);
        } catch (ReservaException e) {
            return Map.of("booking_failure", bookingFailure(e));
        }
        return Map.of(
                "booking",
                bookingMessage(
                        booked,
                        new GoogleBooking(
                                slot.organizationId(),
                                booked.id(),
                                slot.googleServiceId(),
                                token,
                                hash,
                                userId,
                                userInformation)));
    }

    /** Another request with this token made a booking first: the same request gets it, another is refused. */
    private Map<String, Object> replay(GoogleBooking earlier, byte[] hash) {
        if (!MessageDigest.isEqual(earlier.requestHash(), hash)) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This idempotency_token was used for a different booking request",
                    List.of(new FieldError("idempotency_token", "was used with a different request")));
        }
        ReservationView current = guests.get(earlier.organizationId(), earlier.reservationId());
        return Map.of("booking", bookingMessage(current, earlier));
    }

    /** Thrown inside the booking's transaction when the token's booking exists: nothing is written. */
    private static final class AlreadyBooked extends RuntimeException {
        private final transient GoogleBooking booking;

        AlreadyBooked(GoogleBooking booking) {
            super(null, null, false, false);
            this.booking = booking;
        }
    }

    /** Thrown inside the booking's transaction when the user may not book this: nothing is written. */
    private static final class UserRefused extends RuntimeException {
        private final transient Map<String, Object> failure;

        UserRefused(Map<String, Object> failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * The same Google user already holds this start, or another booking overlapping it, at this merchant, or as
     * many future bookings as the merchant allows one user ({@code max_future_bookings_per_user}).
     */
    private Optional<Map<String, Object>> userConflict(Slot slot, String userId) {
        Instant end = slot.start().plus(Duration.ofMinutes(slot.service().durationFor(slot.partySize())));
        Instant now = clock.instant();
        int future = 0;
        for (GoogleBooking mine : bookings.ofUser(slot.organizationId(), userId)) {
            ReservationView booking = guests.get(mine.organizationId(), mine.reservationId());
            if (booking.status() != ReservationStatus.PENDING && booking.status() != ReservationStatus.CONFIRMED) {
                continue;
            }
            if (booking.startDatetime().isAfter(now)) {
                future++;
            }
            if (booking.serviceId().equals(slot.service().id())
                    && booking.startDatetime().equals(slot.start())) {
                return Optional.of(failure("SLOT_ALREADY_BOOKED_BY_USER", "this user already booked this slot"));
            }
            if (booking.startDatetime().isBefore(end) && slot.start().isBefore(booking.endDatetime())) {
                return Optional.of(failure("OVERLAPPING_RESERVATION", "this user has a booking at that time"));
            }
        }
        Optional<Integer> limit = integrations.bookingLimitOf(slot.organizationId());
        if (limit.isPresent() && future >= limit.get()) {
            return Optional.of(failure(
                    "USER_OVER_BOOKING_LIMIT",
                    "this user already has " + future + " upcoming bookings here, the most the merchant allows"));
        }
        return Optional.empty();
    }

    // ---- UpdateBooking ----------------------------------------------------------------------------------------

    /**
     * Cancels ({@code status: CANCELED}), or moves the booking to another start and/or party size, under the
     * service's policy for guests (the reservations module's). Failures come back with the booking unchanged.
     */
    public Map<String, Object> updateBooking(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        JsonNode booking = reader.message(request, "booking", "booking", true);
        String bookingId = reader.string(booking, "booking_id", "booking.booking_id", booking != null, TEXT_MAX);
        String status = reader.string(booking, "status", "booking.status", false, 100);
        JsonNode slotNode = reader.message(booking, "slot", "booking.slot", false);
        Instant newStart = null;
        Long newDuration = null;
        Integer newParty = null;
        if (slotNode != null) {
            Long startSec = reader.int64(slotNode, "start_sec", "booking.slot.start_sec", false);
            newStart = startSec == null ? null : startOf(reader, startSec, "booking.slot.start_sec");
            newDuration = duration(reader, slotNode, "booking.slot");
            JsonNode resources = reader.message(slotNode, "resources", "booking.slot.resources", false);
            newParty = resources == null
                    ? null
                    : reader.int32(resources, "party_size", "booking.slot.resources.party_size", false);
            if (newParty != null && newParty < 1) {
                reader.invalid("booking.slot.resources.party_size", "must be at least 1");
            }
        }
        boolean cancels = "CANCELED".equals(status);
        boolean moves = newStart != null || newParty != null;
        if (status != null && !cancels) {
            reader.invalid("booking.status", "only CANCELED can be asked for");
        }
        if (cancels && moves) {
            reader.invalid("booking.status", "cancel, or change the slot, not both in one request");
        }
        if (!cancels && !moves && bookingId != null) {
            reader.invalid("booking", "send status CANCELED, or a new slot start_sec or party_size");
        }
        reader.throwIfInvalid();
        GoogleBooking google = googleBooking(bookingId);
        ReservationView current = guests.get(google.organizationId(), google.reservationId());
        Map<String, Object> refused = null;
        if (current.status() == ReservationStatus.CANCELLED) {
            refused = failure("BOOKING_ALREADY_CANCELLED", "the booking is cancelled");
        } else if (current.status() != ReservationStatus.PENDING && current.status() != ReservationStatus.CONFIRMED) {
            refused = failure(
                    "BOOKING_NOT_CANCELLABLE",
                    "the booking is " + current.status().wire());
        }
        if (refused == null && moves) {
            ReservationService service = catalog.snapshot(google.organizationId())
                    .service(current.serviceId())
                    .orElseThrow();
            int party = newParty == null ? current.partySize() : newParty;
            Long duration = newDuration;
            if (duration != null && duration != 0 && duration != service.durationFor(party) * 60L) {
                refused = failure("SLOT_UNAVAILABLE", "the duration is not this slot's");
            }
        }
        if (refused != null) {
            return failureWithBooking(current, google, refused);
        }
        try {
            Instant start = newStart == null ? current.startDatetime() : newStart;
            Integer party = newParty;
            // Google asked for this change: it is not announced back to Google (see GoogleOrigin).
            ReservationView changed = GoogleOrigin.run(() -> cancels
                    ? guests.cancel(google.organizationId(), google.reservationId(), "Cancelled through Google")
                    : guests.reschedule(google.organizationId(), google.reservationId(), start, party));
            return Map.of("booking", bookingMessage(changed, google));
        } catch (ReservaException e) {
            ReservationView unchanged = guests.get(google.organizationId(), google.reservationId());
            return failureWithBooking(unchanged, google, bookingFailure(e));
        }
    }

    private Map<String, Object> failureWithBooking(
            ReservationView booking, GoogleBooking google, Map<String, Object> failure) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("booking", bookingMessage(booking, google));
        response.put("booking_failure", failure);
        return response;
    }

    // ---- GetBookingStatus, ListBookings, SetMarketingPreference ------------------------------------------------

    public Map<String, Object> getBookingStatus(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String bookingId = reader.string(request, "booking_id", "booking_id", true, TEXT_MAX);
        reader.throwIfInvalid();
        GoogleBooking google = googleBooking(bookingId);
        ReservationView booking = guests.get(google.organizationId(), google.reservationId());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("booking_id", booking.id().toString());
        response.put("booking_status", statusOf(booking.status()));
        response.put("prepayment_status", "PREPAYMENT_NOT_PROVIDED");
        return response;
    }

    /** Every booking the Google user made through this server, as each is now. */
    public Map<String, Object> listBookings(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String userId = reader.string(request, "user_id", "user_id", true, TEXT_MAX);
        reader.throwIfInvalid();
        List<Map<String, Object>> found = new ArrayList<>();
        for (GoogleBooking google : bookings.ofUser(userId)) {
            found.add(bookingMessage(guests.get(google.organizationId(), google.reservationId()), google));
        }
        return Map.of("bookings", found);
    }

    /**
     * Records the user's marketing consent as Google reports it, keyed by Google's user id; it is not copied onto
     * a contact (a guest's contact is the venue's record, not Google's).
     */
    public Map<String, Object> setMarketingPreference(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        JsonNode user = reader.message(request, "user_information", "user_information", true);
        String userId = reader.string(user, "user_id", "user_information.user_id", user != null, TEXT_MAX);
        Boolean receive = reader.bool(request, "user_to_receive_marketing", "user_to_receive_marketing");
        reader.throwIfInvalid();
        boolean consent = Boolean.TRUE.equals(receive);
        bookings.setMarketingPreference(userId, consent, clock.instant().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("user_information", user);
        response.put("user_to_receive_marketing", consent);
        return response;
    }

    // ---- Reading and writing messages -------------------------------------------------------------------------

    /** Reads a Slot; the merchant and service must be known (404 otherwise). */
    private Slot readSlot(ProtoJson reader, JsonNode node, String path) {
        if (node == null) {
            reader.throwIfInvalid();
        }
        String merchantId = reader.string(node, "merchant_id", path + ".merchant_id", true, TEXT_MAX);
        String serviceId = reader.string(node, "service_id", path + ".service_id", true, TEXT_MAX);
        Instant start = start(reader, node, path);
        Long duration = duration(reader, node, path);
        JsonNode resources = reader.message(node, "resources", path + ".resources", false);
        Integer party = partySize(reader, resources, path + ".resources");
        reader.throwIfInvalid();
        UUID organizationId = organizationOf(merchantId);
        ReservationService service = mappedService(organizationId, serviceId)
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.NOT_FOUND, "This merchant has no service " + serviceId + " on Google"));
        return new Slot(merchantId, serviceId, organizationId, service, start, duration, party);
    }

    private static Instant start(ProtoJson reader, JsonNode node, String path) {
        Long startSec = reader.int64(node, "start_sec", path + ".start_sec", true);
        return startSec == null ? null : startOf(reader, startSec, path + ".start_sec");
    }

    private static Instant startOf(ProtoJson reader, long startSec, String path) {
        if (startSec < 0 || startSec > LAST_START_SEC) {
            reader.invalid(path, "must be seconds since 1970 before the year 9000");
            return null;
        }
        return Instant.ofEpochSecond(startSec);
    }

    private static Long duration(ProtoJson reader, JsonNode node, String path) {
        Long duration = reader.int64(node, "duration_sec", path + ".duration_sec", false);
        if (duration != null && duration < 0) {
            reader.invalid(path + ".duration_sec", "must not be negative");
            return null;
        }
        return duration;
    }

    /** Dining slots carry the party size in their resources; it is required. */
    private static Integer partySize(ProtoJson reader, JsonNode resources, String path) {
        Integer party = reader.int32(resources, "party_size", path + ".party_size", false);
        if (party == null) {
            reader.invalid(path + ".party_size", "is required");
        } else if (party < 1) {
            reader.invalid(path + ".party_size", "must be at least 1");
            return null;
        }
        return party;
    }

    private UUID organizationOf(String merchantId) {
        return integrations
                .enabledOrganizationOf(merchantId)
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "Unknown merchant_id " + merchantId));
    }

    private Optional<ReservationService> mappedService(UUID organizationId, String googleServiceId) {
        return integrations
                .serviceOf(organizationId, googleServiceId)
                .flatMap(id -> catalog.snapshot(organizationId).service(id));
    }

    private GoogleBooking googleBooking(String bookingId) {
        UUID id;
        try {
            id = UUID.fromString(bookingId);
        } catch (IllegalArgumentException notOurs) {
            throw unknownBooking(bookingId);
        }
        GoogleBooking google = bookings.byReservation(id).orElseThrow(() -> unknownBooking(bookingId));
        if (integrations
                .enabledOrganizationOf(
                        integrations.merchantOf(google.organizationId()).orElse(""))
                .isEmpty()) {
            throw unknownBooking(bookingId);
        }
        return google;
    }

    private static ReservaException unknownBooking(String bookingId) {
        return new ReservaException(ErrorCode.NOT_FOUND, "Unknown booking_id " + bookingId);
    }

    /**
     * The bookable starts among {@code starts} for each party size, from the slot engine over the local days they
     * fall on (in spans of at most the engine's 62 days), one engine pass per span for all the sizes.
     */
    private Map<Integer, Map<Instant, SlotSearchResult.Slot>> freeStarts(
            UUID organizationId, ReservationService service, Set<Integer> partySizes, List<Instant> starts) {
        ZoneId zone = ZoneId.of(service.timezone());
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Instant start : starts) {
            days.add(start.atZone(zone).toLocalDate());
        }
        Map<Integer, Map<Instant, SlotSearchResult.Slot>> free = new HashMap<>();
        for (int partySize : partySizes) {
            free.put(partySize, new HashMap<>());
        }
        Caller venue = new Caller(null, organizationId, Role.STAFF);
        while (!days.isEmpty()) {
            LocalDate first = days.first();
            LocalDate last = days.floor(first.plusDays(RANGE_DAYS - 1));
            slots.findForPartySizes(venue, organizationId, service.id(), first, last, partySizes)
                    .forEach((partySize, result) -> {
                        for (SlotSearchResult.Day day : result.days()) {
                            for (SlotSearchResult.Slot slot : day.slots()) {
                                free.get(partySize).put(slot.startDatetime(), slot);
                            }
                        }
                    });
            days.subSet(first, true, last, true).clear();
        }
        return free;
    }

    private Map<String, Object> slotMessage(Slot slot, JsonNode asSent) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("merchant_id", slot.merchantId());
        message.put("service_id", slot.googleServiceId());
        message.put("start_sec", Long.toString(slot.start().getEpochSecond()));
        message.put(
                "duration_sec",
                Long.toString(
                        slot.durationSec() == null || slot.durationSec() == 0
                                ? slot.service().durationFor(slot.partySize()) * 60L
                                : slot.durationSec()));
        JsonNode tag = asSent == null ? null : asSent.get("availability_tag");
        if (tag != null && tag.isString()) {
            message.put("availability_tag", tag.stringValue());
        }
        message.put("resources", Map.of("party_size", slot.partySize()));
        return message;
    }

    /** The SlotTime asked, written back with its 64-bit integers as strings. */
    private static Map<String, Object> slotTimeMessage(
            JsonNode asSent, Instant start, Long durationSec, int partySize) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(
                "service_id", asSent.get("service_id") == null ? asSent.get("serviceId") : asSent.get("service_id"));
        message.put("start_sec", Long.toString(start.getEpochSecond()));
        if (durationSec != null) {
            message.put("duration_sec", Long.toString(durationSec));
        }
        for (String text : List.of("availability_tag", "confirmation_mode")) {
            JsonNode value = asSent.get(text);
            if (value != null && value.isString()) {
                message.put(text, value.stringValue());
            }
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        JsonNode sentResources = asSent.get("resource_ids");
        if (sentResources != null && sentResources.isObject()) {
            for (String id : List.of("staff_id", "staff_name", "room_id", "room_name")) {
                JsonNode value = sentResources.get(id);
                if (value != null && value.isString()) {
                    resources.put(id, value.stringValue());
                }
            }
        }
        resources.put("party_size", partySize);
        message.put("resource_ids", resources);
        return message;
    }

    /** A Booking message: the booking as it is now, and the user information Google sent (never our contact). */
    private Map<String, Object> bookingMessage(ReservationView booking, GoogleBooking google) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("merchant_id", integrations.merchantOf(google.organizationId()).orElse(""));
        slot.put("service_id", google.googleServiceId());
        slot.put("start_sec", Long.toString(booking.startDatetime().getEpochSecond()));
        slot.put(
                "duration_sec",
                Long.toString(Duration.between(booking.startDatetime(), booking.endDatetime())
                        .getSeconds()));
        slot.put("resources", Map.of("party_size", booking.partySize()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("booking_id", booking.id().toString());
        message.put("slot", slot);
        message.put("user_information", json.readTree(google.userInformation()));
        message.put("status", statusOf(booking.status()));
        return message;
    }

    /** Our statuses in Google's BookingStatus words. */
    static String statusOf(ReservationStatus status) {
        switch (status) {
            case PENDING:
            case HELD:
                return "PENDING_MERCHANT_CONFIRMATION";
            case CONFIRMED:
            case SEATED:
            case COMPLETED:
                return "CONFIRMED";
            case CANCELLED:
                return "CANCELED";
            case NO_SHOW:
                return "NO_SHOW";
            case EXPIRED:
                return "FAILED";
            default:
                return "BOOKING_STATUS_UNSPECIFIED";
        }
    }

    /** A refusal of the reservations module in Google's BookingFailure words. */
    private static Map<String, Object> bookingFailure(ReservaException e) {
        switch (e.code()) {
            case SLOT_UNAVAILABLE:
                return failure("SLOT_UNAVAILABLE", "the slot is no longer available");
            case OUTSIDE_CANCELLATION_WINDOW:
                return failure("OUTSIDE_CANCELLATION_WINDOW", e.getMessage());
            case INVALID_TRANSITION:
                return failure("BOOKING_NOT_CANCELLABLE", e.getMessage());
            case VALIDATION_FAILED:
                return validationFailure(e);
            default:
                throw e;
        }
    }

    /**
     * A party size outside the service's limits, or an inactive service, is a slot Google cannot have; the
     * user's details refused (an email or phone that cannot be read) are Google's request at fault.
     */
    private static Map<String, Object> validationFailure(ReservaException e) {
        List<FieldError> userFields = new ArrayList<>();
        boolean slotField = false;
        for (FieldError error : e.errors()) {
            if (error.field().startsWith("contact.")) {
                userFields.add(new FieldError(
                        "user_information." + userField(error.field().substring("contact.".length())),
                        error.message()));
            } else if (error.field().equals("party_size") || error.field().equals("service_id")) {
                slotField = true;
            }
        }
        if (!userFields.isEmpty()) {
            throw new ReservaException(ErrorCode.INVALID_ARGUMENT, "The user information is not valid", userFields);
        }
        if (slotField) {
            return failure("SLOT_UNAVAILABLE", "the slot does not take this party");
        }
        // The venue asks for answers (required custom fields) that Google cannot collect.
        return failure("CAUSE_UNSPECIFIED", "the venue needs details this channel cannot collect");
    }

    private static String userField(String contactField) {
        switch (contactField) {
            case "first_name":
                return "given_name";
            case "last_name":
                return "family_name";
            case "phone":
                return "telephone";
            default:
                return contactField;
        }
    }

    private static Map<String, Object> failure(String cause, String description) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("cause", cause);
        if (description != null) {
            failure.put("description", description);
        }
        return failure;
    }

    private static byte[] fingerprint(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part == null ? "\u0000" : part.length() + ":" + part).append('\n');
        }
        return Secrets.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
