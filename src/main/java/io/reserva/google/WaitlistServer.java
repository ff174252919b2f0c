package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.google.GoogleWaitlistRepository.GoogleWaitlistEntry;
import io.reserva.reservations.NewReservation;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import io.reserva.waitlist.NewWaitlistEntry;
import io.reserva.waitlist.NowWaitEstimate;
import io.reserva.waitlist.WaitlistEntryChanges;
import io.reserva.waitlist.WaitlistEntrySource;
import io.reserva.waitlist.WaitlistEntryStatus;
import io.reserva.waitlist.WaitlistEntryView;
import io.reserva.waitlist.WaitlistKind;
import io.reserva.waitlist.WaitlistManagement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's Actions Center waitlist API (v3): wait estimates, and joining, reading and leaving today's now waitlist
 * of a merchant's service, answered by the waitlist module ({@link WaitlistManagement}). Business failures are
 * answers ({@code waitlist_business_logic_failure}); malformed requests, unknown merchants, services and entries
 * are HTTP errors, as in {@link BookingServer}. See docs/google.md.
 */
@Service
public class WaitlistServer {

    private static final int TEXT_MAX = 1_000;
    private static final int NOTES_MAX = 5_000;
    private static final int MAX_PARTY_SIZES = 100;

    private final GoogleIntegrationRepository integrations;
    private final GoogleWaitlistRepository entries;
    private final Catalog catalog;
    private final WaitlistManagement waitlist;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    WaitlistServer(
            GoogleIntegrationRepository integrations,
            GoogleWaitlistRepository entries,
            Catalog catalog,
            WaitlistManagement waitlist,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock) {
        this.integrations = integrations;
        this.entries = entries;
        this.catalog = catalog;
        this.waitlist = waitlist;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    // ---- BatchGetWaitEstimates --------------------------------------------------------------------------------

    /** One wait estimate per party size asked, in order; a closed day is {@code CLOSED_OTHER} with nothing else. */
    public Map<String, Object> batchGetWaitEstimates(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String merchantId = reader.string(request, "merchant_id", "merchant_id", true, TEXT_MAX);
        String serviceId = reader.string(request, "service_id", "service_id", true, TEXT_MAX);
        JsonNode sizes = reader.repeated(request, "party_size", "party_size");
        List<Integer> partySizes = new ArrayList<>();
        if (sizes == null || sizes.isEmpty()) {
            reader.invalid("party_size", "is required: at least one party size");
        } else if (sizes.size() > MAX_PARTY_SIZES) {
            reader.invalid("party_size", "at most " + MAX_PARTY_SIZES + " party sizes per request");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < sizes.size(); i++) {
                String path = "party_size[" + i + "]";
                Integer size = reader.int32Element(sizes.get(i), path);
                if (size != null && size < 1) {
                    reader.invalid(path, "must be at least 1");
                } else if (size != null && !seen.add(size)) {
                    reader.invalid(path, "is asked for twice");
                } else if (size != null) {
                    partySizes.add(size);
                }
            }
        }
        reader.throwIfInvalid();
        UUID organizationId = organizationOf(merchantId);
        ReservationService service = mappedService(organizationId, serviceId);
        List<Map<String, Object>> estimates = new ArrayList<>();
        for (int partySize : partySizes) {
            Map<String, Object> estimate = new LinkedHashMap<>();
            estimate.put("party_size", partySize);
            if (fits(service, partySize)) {
                NowWaitEstimate wait = waitlist.estimateNow(organizationId, service.id(), partySize);
                if (!wait.open()) {
                    return Map.of("waitlist_status", "CLOSED_OTHER");
                }
                estimate.put("wait_length", waitLength(wait.partiesAhead(), wait.seatFrom(), wait.seatTo()));
            }
            estimate.put("waitlist_confirmation_mode", "WAITLIST_CONFIRMATION_MODE_SYNCHRONOUS");
            estimates.add(estimate);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("waitlist_status", "OPEN");
        response.put("wait_estimate", estimates);
        return response;
    }

    // ---- CreateWaitlistEntry ----------------------------------------------------------------------------------

    /**
     * Puts Google's user on today's now waitlist of the service. The same {@code idempotency_token} answers the
     * entry it made; with a different request it is {@code 409}. The token is written in the entry's own
     * transaction, behind a lock on the token, so concurrent retries join once.
     */
    public Map<String, Object> createWaitlistEntry(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String merchantId = reader.string(request, "merchant_id", "merchant_id", true, TEXT_MAX);
        String serviceId = reader.string(request, "service_id", "service_id", true, TEXT_MAX);
        Integer partySize = reader.int32(request, "party_size", "party_size", true);
        if (partySize != null && partySize < 1) {
            reader.invalid("party_size", "must be at least 1");
        }
        JsonNode user = reader.message(request, "user_information", "user_information", true);
        String token = reader.string(request, "idempotency_token", "idempotency_token", false, 255);
        String notes = reader.string(request, "additional_request", "additional_request", false, NOTES_MAX);
        String userId = reader.string(user, "user_id", "user_information.user_id", user != null, TEXT_MAX);
        String givenName = reader.string(user, "given_name", "user_information.given_name", false, 100);
        String familyName = reader.string(user, "family_name", "user_information.family_name", false, 100);
        String telephone = reader.string(user, "telephone", "user_information.telephone", user != null, 40);
        String email = reader.string(user, "email", "user_information.email", false, 254);
        reader.throwIfInvalid();
        UUID organizationId = organizationOf(merchantId);
        ReservationService service = mappedService(organizationId, serviceId);
        byte[] hash = fingerprint(
                merchantId,
                serviceId,
                Integer.toString(partySize),
                userId,
                givenName,
                familyName,
                telephone,
                email,
                notes);
        if (token != null) {
            Optional<GoogleWaitlistEntry> earlier = entries.byToken(organizationId, token);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        if (partySize < service.minPartySize()) {
            return failure("BELOW_MIN_PARTY_SIZE", "the smallest party is " + service.minPartySize());
        }
        if (service.maxPartySize() != null && partySize > service.maxPartySize()) {
            return failure("ABOVE_MAX_PARTY_SIZE", "the largest party is " + service.maxPartySize());
        }
        String userInformation = json.writeValueAsString(user);
        NewWaitlistEntry join = new NewWaitlistEntry(
                null,
                service.id(),
                null,
                new NewReservation.InlineContact(givenName, familyName, email, telephone),
                partySize,
                WaitlistKind.NOW,
                null,
                null,
                null,
                notes,
                null,
                WaitlistEntrySource.GOOGLE);
        try {
            GoogleWaitlistEntry made = transaction.execute(status -> {
                if (token != null) {
                    entries.lockToken(organizationId, token);
                    Optional<GoogleWaitlistEntry> earlier = entries.byToken(organizationId, token);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                WaitlistEntryView entry = waitlist.create(new Caller(null, organizationId, Role.STAFF), join);
                GoogleWaitlistEntry google = new GoogleWaitlistEntry(
                        organizationId,
                        entry.id(),
                        serviceId,
                        token,
                        hash,
                        userInformation,
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                entries.insert(google);
                return google;
            });
            return replay(made, hash);
        } catch (DuplicateKeyException e) {
            return replay(entries.byToken(organizationId, token).orElseThrow(() -> e), hash);
        } catch (ReservaException e) {
            return businessFailure(e);
        }
    }

    /** The entry this token made: the same request gets its id, another request is refused. */
    private static Map<String, Object> replay(GoogleWaitlistEntry earlier, byte[] hash) {
        if (!MessageDigest.isEqual(earlier.requestHash(), hash)) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This idempotency_token was used for a different waitlist request",
                    List.of(new FieldError("idempotency_token", "was used with a different request")));
        }
        return Map.of("waitlist_entry_id", earlier.waitlistEntryId().toString());
    }

    private static Map<String, Object> businessFailure(ReservaException e) {
        switch (e.code()) {
            case ALREADY_ON_WAITLIST:
                return failure("EXISTING_WAITLIST_ENTRY", "this phone number is already on the waitlist");
            case WAITLIST_FULL:
                return failure("WAITLIST_FULL", "the waitlist is full");
            case DAY_CLOSED:
                return failure("MERCHANT_CLOSED", "the merchant does not open this service today");
            case VALIDATION_FAILED:
                List<FieldError> userFields = new ArrayList<>();
                for (FieldError error : e.errors()) {
                    if (error.field().startsWith("contact.")) {
                        userFields.add(new FieldError(
                                "user_information." + userField(error.field().substring("contact.".length())),
                                error.message()));
                    }
                }
                if (!userFields.isEmpty()) {
                    throw new ReservaException(
                            ErrorCode.INVALID_ARGUMENT, "The user information is not valid", userFields);
                }
                // No table of the service fits the party, though its limits allow it.
                return failure("CAUSE_UNSPECIFIED", e.getMessage());
            default:
                throw e;
        }
    }

    // ---- GetWaitlistEntry, DeleteWaitlistEntry ----------------------------------------------------------------

    public Map<String, Object> getWaitlistEntry(String body) {
        GoogleWaitlistEntry google = googleEntry(body);
        WaitlistEntryView entry = waitlist.get(callerFor(google), google.waitlistEntryId());
        return Map.of("waitlist_entry", entryMessage(entry));
    }

    /**
     * The user leaves the waitlist: the entry is cancelled (by the guest). An entry that already ended stays as it
     * is and the answer is the same empty message: there is nothing left to delete.
     */
    public Map<String, Object> deleteWaitlistEntry(String body) {
        GoogleWaitlistEntry google = googleEntry(body);
        Caller caller = callerFor(google);
        WaitlistEntryView entry = waitlist.get(caller, google.waitlistEntryId());
        if (entry.status().isActive()) {
            waitlist.update(
                    caller,
                    entry.id(),
                    new Patch<>(
                            new WaitlistEntryChanges(WaitlistEntryStatus.CANCELLED, null, null, null, null),
                            Set.of("status")));
        }
        return Map.of();
    }

    private GoogleWaitlistEntry googleEntry(String body) {
        JsonNode request = ProtoJson.parse(json, body);
        ProtoJson reader = new ProtoJson();
        String entryId = reader.string(request, "waitlist_entry_id", "waitlist_entry_id", true, TEXT_MAX);
        reader.throwIfInvalid();
        UUID id;
        try {
            id = UUID.fromString(entryId);
        } catch (IllegalArgumentException notOurs) {
            throw unknownEntry(entryId);
        }
        GoogleWaitlistEntry google = entries.byEntry(id).orElseThrow(() -> unknownEntry(entryId));
        if (integrations
                .enabledOrganizationOf(
                        integrations.merchantOf(google.organizationId()).orElse(""))
                .isEmpty()) {
            throw unknownEntry(entryId);
        }
        return google;
    }

    private static Caller callerFor(GoogleWaitlistEntry google) {
        return new Caller(null, google.organizationId(), Role.STAFF);
    }

    private static ReservaException unknownEntry(String entryId) {
        return new ReservaException(ErrorCode.NOT_FOUND, "Unknown waitlist_entry_id " + entryId);
    }

    // ---- Messages ---------------------------------------------------------------------------------------------

    /**
     * Our statuses map one to one onto Google's states, but for {@code expired} (the day ended before the party
     * was served), which Google lacks: the merchant did not serve them, so it is {@code DECLINED_BY_MERCHANT}.
     * Only what Google sent or the queue itself knows is written: never our contact's stored details.
     */
    static Map<String, Object> entryMessage(WaitlistEntryView entry) {
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("party_size", entry.partySize());
        if (entry.status().isActive() && entry.partiesAhead() != null) {
            estimate.put(
                    "wait_length",
                    waitLength(entry.partiesAhead(), entry.estimatedSeatFrom(), entry.estimatedSeatTo()));
        }
        estimate.put("waitlist_confirmation_mode", "WAITLIST_CONFIRMATION_MODE_SYNCHRONOUS");
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("created_time_seconds", seconds(entry.createdAt()));
        putTime(times, "canceled_time_seconds", entry.cancelledAt());
        putTime(times, "service_readied_time_seconds", entry.offeredAt());
        putTime(times, "checked_in_time_seconds", entry.checkedInAt());
        putTime(times, "seated_time_seconds", entry.seatedAt());
        putTime(
                times,
                "declined_by_merchant_time_seconds",
                entry.declinedAt() != null ? entry.declinedAt() : entry.expiredAt());
        putTime(times, "no_show_time_seconds", entry.noShowAt());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("wait_estimate", estimate);
        message.put("waitlist_entry_state", stateOf(entry.status()));
        message.put("waitlist_entry_state_times", times);
        return message;
    }

    static String stateOf(WaitlistEntryStatus status) {
        switch (status) {
            case WAITING:
                return "WAITING";
            case OFFERED:
                return "SERVICE_READY";
            case CHECKED_IN:
                return "CHECKED_IN";
            case SEATED:
                return "SEATED";
            case CANCELLED:
                return "CANCELED";
            case NO_SHOW:
                return "NO_SHOW";
            case DECLINED_BY_MERCHANT:
            case EXPIRED:
                return "DECLINED_BY_MERCHANT";
            default:
                throw new IllegalStateException("Unmapped waitlist status " + status);
        }
    }

    private static Map<String, Object> waitLength(int partiesAhead, Instant seatFrom, Instant seatTo) {
        Map<String, Object> length = new LinkedHashMap<>();
        length.put("parties_ahead_count", partiesAhead);
        if (seatFrom != null && seatTo != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("start_seconds", seconds(seatFrom));
            range.put("end_seconds", seconds(seatTo));
            length.put("estimated_seat_time_range", range);
        }
        return length;
    }

    private static void putTime(Map<String, Object> times, String name, Instant at) {
        if (at != null) {
            times.put(name, seconds(at));
        }
    }

    private static String seconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    private static boolean fits(ReservationService service, int partySize) {
        return partySize >= service.minPartySize()
                && (service.maxPartySize() == null || partySize <= service.maxPartySize());
    }

    private UUID organizationOf(String merchantId) {
        return integrations
                .enabledOrganizationOf(merchantId)
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "Unknown merchant_id " + merchantId));
    }

    private ReservationService mappedService(UUID organizationId, String googleServiceId) {
        return integrations
                .serviceOf(organizationId, googleServiceId)
                .flatMap(id -> catalog.snapshot(organizationId).service(id))
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.NOT_FOUND, "This merchant has no service " + googleServiceId + " on Google"));
    }

    private static Map<String, Object> failure(String cause, String description) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("cause", cause);
        failure.put("description", description);
        return Map.of("waitlist_business_logic_failure", failure);
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

    private static byte[] fingerprint(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part == null ? "\u0000" : part.length() + ":" + part).append('\n');
        }
        return Secrets.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
