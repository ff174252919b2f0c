package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogChanged;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.ReservationEvents.ReservationCreated;
import io.reserva.reservations.ReservationEvents.ReservationUpdated;
import io.reserva.reservations.ReservationView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues real-time updates in the transaction of the change that causes them (the outbox pattern, as the
 * webhooks module does for events): a booking Google made that changed on our side gets a booking notification,
 * and a day of a service Google books whose availability may have changed gets an availability replacement. Both
 * are built when sent, from the state then. A committed catalog change queues the replacement of every day Google
 * is told about. Nothing is queued while updates are not configured.
 */
@Component
class RealTimeUpdateQueue {

    private final RealTimeUpdateRepository updates;
    private final GoogleIntegrationRepository integrations;
    private final Catalog catalog;
    private final GoogleUpdateProperties properties;
    private final GoogleFeedProperties feeds;
    private final RealTimeUpdateSender sender;
    private final Clock clock;

    RealTimeUpdateQueue(
            RealTimeUpdateRepository updates,
            GoogleIntegrationRepository integrations,
            Catalog catalog,
            GoogleUpdateProperties properties,
            GoogleFeedProperties feeds,
            RealTimeUpdateSender sender,
            Clock clock) {
        this.updates = updates;
        this.integrations = integrations;
        this.catalog = catalog;
        this.properties = properties;
        this.feeds = feeds;
        this.sender = sender;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReservationCreated event) {
        if (properties.enabled()) {
            queueAvailability(event.reservation());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReservationUpdated event) {
        if (!properties.enabled()) {
            return;
        }
        ReservationView reservation = event.reservation();
        if (!GoogleOrigin.active()) {
            updates.queueBooking(reservation.organizationId(), reservation.id(), now());
            wakeSenderAfterCommit();
        }
        // A move frees the day (or the service) it left: that day's availability is replaced too.
        if (event.previousServiceId().equals(reservation.serviceId())) {
            queueAvailability(
                    reservation.organizationId(),
                    reservation.serviceId(),
                    List.of(reservation.startDatetime(), event.previousStart()));
        } else {
            queueAvailability(reservation);
            queueAvailability(reservation.organizationId(), event.previousServiceId(), List.of(event.previousStart()));
        }
    }

    /**
     * The venue's catalog changed (hours, exceptions, resources, links, services, combinations): any day Google
     * knows may have changed, so each mapped service's days of the feed's horizon ({@code reserva.google.feeds.days}
     * from the venue's today) are queued for replacement. The catalog event says which organization changed, not
     * which days, so every day of the horizon is replaced; a day already waiting is not queued twice, so a burst of
     * edits coalesces into one replacement per day. The catalog announces its change after the commit, so this runs
     * in a transaction of its own: should the node stop in between, the next feed carries the change.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CatalogChanged event) {
        if (!properties.enabled()) {
            return;
        }
        Optional<GoogleIntegration> integration = integrations.find(event.organizationId());
        if (integration.isEmpty() || !integration.get().enabled()) {
            return;
        }
        CatalogSnapshot snapshot = catalog.snapshot(event.organizationId());
        Instant now = now();
        int queued = 0;
        for (UUID serviceId : integration.get().serviceMappings().stream()
                .map(GoogleIntegration.ServiceMapping::serviceId)
                .distinct()
                .toList()) {
            Optional<ReservationService> service = snapshot.service(serviceId);
            if (service.isEmpty()) {
                continue;
            }
            LocalDate today = now.atZone(ZoneId.of(service.get().timezone())).toLocalDate();
            for (int day = 0; day < feeds.days(); day++) {
                queued += updates.queueAvailability(event.organizationId(), serviceId, today.plusDays(day), now);
            }
        }
        if (queued > 0) {
            wakeSenderAfterCommit();
        }
    }

    private void queueAvailability(ReservationView reservation) {
        queueAvailability(reservation.organizationId(), reservation.serviceId(), List.of(reservation.startDatetime()));
    }

    /** The replacement of the service's local day of each of {@code starts} (each day once), when Google books it. */
    private void queueAvailability(UUID organizationId, UUID serviceId, List<Instant> starts) {
        if (integrations.enabledGoogleServicesOf(organizationId, serviceId).isEmpty()) {
            return;
        }
        Optional<ReservationService> service = catalog.snapshot(organizationId).service(serviceId);
        if (service.isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(service.get().timezone());
        Instant now = now();
        starts.stream()
                .map(start -> start.atZone(zone).toLocalDate())
                .distinct()
                .forEach(day -> updates.queueAvailability(organizationId, serviceId, day, now));
        wakeSenderAfterCommit();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void wakeSenderAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wakeUp();
            }
        });
    }
}
