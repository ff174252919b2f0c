package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.ReservationEvents.ReservationCreated;
import io.reserva.reservations.ReservationEvents.ReservationUpdated;
import io.reserva.reservations.ReservationView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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
 * are built when sent, from the state then. Nothing is queued while updates are not configured.
 */
@Component
class RealTimeUpdateQueue {

    private final RealTimeUpdateRepository updates;
    private final GoogleIntegrationRepository integrations;
    private final Catalog catalog;
    private final GoogleUpdateProperties properties;
    private final RealTimeUpdateSender sender;
    private final Clock clock;

    RealTimeUpdateQueue(
            RealTimeUpdateRepository updates,
            GoogleIntegrationRepository integrations,
            Catalog catalog,
            GoogleUpdateProperties properties,
            RealTimeUpdateSender sender,
            Clock clock) {
        this.updates = updates;
        this.integrations = integrations;
        this.catalog = catalog;
        this.properties = properties;
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
        queueAvailability(reservation);
    }

    private void queueAvailability(ReservationView reservation) {
        if (integrations
                .enabledGoogleServicesOf(reservation.organizationId(), reservation.serviceId())
                .isEmpty()) {
            return;
        }
        Optional<ReservationService> service =
                catalog.snapshot(reservation.organizationId()).service(reservation.serviceId());
        if (service.isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(service.get().timezone());
        updates.queueAvailability(
                reservation.organizationId(),
                reservation.serviceId(),
                reservation.startDatetime().atZone(zone).toLocalDate(),
                now());
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
