package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.google.GoogleBookingRepository.GoogleBooking;
import io.reserva.google.RealTimeUpdateRepository.Claim;
import io.reserva.reservations.GuestReservations;
import io.reserva.reservations.ReservationView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued real-time updates from this node: wakes when a change queued one (after its commit) and every poll
 * interval for retries, claims due rows ({@code SKIP LOCKED}, with a lease), builds each update from the state now
 * and records what Google answered. Failures are retried with a doubling wait until {@code max-attempts}.
 */
@Component
class RealTimeUpdateSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealTimeUpdateSender.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int ERROR_MAX = 1_000;

    private final RealTimeUpdateRepository updates;
    private final GoogleBookingRepository bookings;
    private final GoogleIntegrationRepository integrations;
    private final GuestReservations guests;
    private final Catalog catalog;
    private final GoogleAvailability availability;
    private final MapsBookingClient client;
    private final GoogleUpdateProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    RealTimeUpdateSender(
            RealTimeUpdateRepository updates,
            GoogleBookingRepository bookings,
            GoogleIntegrationRepository integrations,
            GuestReservations guests,
            Catalog catalog,
            GoogleAvailability availability,
            MapsBookingClient client,
            GoogleUpdateProperties properties,
            JsonMapper json,
            Clock clock) {
        this.updates = updates;
        this.bookings = bookings;
        this.integrations = integrations;
        this.guests = guests;
        this.catalog = catalog;
        this.availability = availability;
        this.client = client;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        Thread sender = new Thread(this::loop, "google-rtu-sender");
        sender.setDaemon(true);
        thread = sender;
        sender.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread sender = thread;
        thread = null;
        sender.interrupt();
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                List<Claim> claimed;
                do {
                    Instant now = clock.instant();
                    claimed = updates.claim(
                            BATCH, now, now.plus(properties.timeout().multipliedBy(BATCH + 2)));
                    for (Claim claim : claimed) {
                        send(claim);
                    }
                } while (running && claimed.size() == BATCH);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Sending Google real-time updates failed; trying again later", e);
            }
        }
    }

    private void send(Claim claim) throws InterruptedException {
        Optional<String> body;
        try {
            body = claim.kind().equals("booking") ? bookingBody(claim) : availabilityBody(claim);
        } catch (RuntimeException e) {
            failed(claim, null, "could not build the update: " + e.getMessage(), true);
            return;
        }
        if (body.isEmpty()) {
            failed(claim, null, "not sent: the merchant is no longer enabled or the service no longer mapped", false);
            return;
        }
        try {
            MapsBookingClient.Answer answer = claim.kind().equals("booking")
                    ? client.notifyBooking(claim.reservationId().toString(), body.get())
                    : client.replaceAvailability(body.get());
            if (answer.succeeded()) {
                updates.succeeded(claim, answer.status(), now());
            } else {
                // A request Google calls malformed, or a booking it does not know, will not heal by itself.
                boolean retry = answer.status() != 400 && answer.status() != 404;
                failed(claim, answer.status(), "HTTP " + answer.status() + ": " + answer.body(), retry);
            }
        } catch (java.io.IOException e) {
            failed(claim, null, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    private void failed(Claim claim, Integer status, String error, boolean retry) {
        Instant now = now();
        Instant retryAt = null;
        if (retry && claim.attempt() < properties.maxAttempts()) {
            Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(claim.attempt() - 1, 20));
            retryAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        String text = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        try {
            updates.failed(claim, status, text, retryAt, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            updates.failed(claim, status, text + " (superseded by a newer update)", null, now);
        }
    }

    /** The Maps Booking API's Booking, as the booking is now (camelCase JSON, durations as "5400s"). */
    private Optional<String> bookingBody(Claim claim) {
        Optional<GoogleBooking> google = bookings.byReservation(claim.reservationId());
        Optional<String> merchant = integrations.merchantOf(claim.organizationId());
        if (google.isEmpty() || merchant.isEmpty()) {
            return Optional.empty();
        }
        ReservationView booking = guests.get(claim.organizationId(), claim.reservationId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "partners/" + properties.partnerId() + "/bookings/" + booking.id());
        body.put("merchantId", merchant.get());
        body.put("serviceId", google.get().googleServiceId());
        body.put("startTime", booking.startDatetime().toString());
        body.put(
                "duration",
                Duration.between(booking.startDatetime(), booking.endDatetime()).getSeconds() + "s");
        body.put("status", BookingServer.statusOf(booking.status()));
        body.put("partySize", booking.partySize());
        return Optional.of(json.writeValueAsString(body));
    }

    /** {@code availability:replace} of one local day of the service, under each Google service id it is mapped to. */
    private Optional<String> availabilityBody(Claim claim) {
        Optional<String> merchant = integrations.merchantOf(claim.organizationId());
        List<String> googleServices = integrations.enabledGoogleServicesOf(claim.organizationId(), claim.serviceId());
        Optional<ReservationService> service =
                catalog.snapshot(claim.organizationId()).service(claim.serviceId());
        if (merchant.isEmpty() || googleServices.isEmpty() || service.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(service.get().timezone());
        Instant dayStart = claim.localDate().atStartOfDay(zone).toInstant();
        Instant dayEnd = claim.localDate().plusDays(1).atStartOfDay(zone).toInstant();
        List<Map<String, Object>> slots = new ArrayList<>();
        for (GoogleAvailability.Row row :
                availability.rows(claim.organizationId(), service.get(), claim.localDate(), claim.localDate())) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("startTime", row.start().toString());
            slot.put("duration", row.durationSec() + "s");
            slot.put("spotsTotal", Long.toString(row.spotsTotal()));
            slot.put("spotsOpen", Long.toString(row.spotsOpen()));
            slot.put("resources", Map.of("partySize", row.partySize()));
            slots.add(slot);
        }
        List<Map<String, Object>> replaced = new ArrayList<>();
        for (String googleService : googleServices) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("merchantId", merchant.get());
            one.put("serviceId", googleService);
            one.put("startTimeRestrict", dayStart.toString());
            one.put("endTimeRestrict", dayEnd.toString());
            one.put("availability", slots);
            replaced.add(one);
        }
        return Optional.of(json.writeValueAsString(Map.of("extendedServiceAvailability", replaced)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
