package io.reserva.webhooks;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The events outbox read as a feed, for live streams: in an order where nothing can appear behind a reader that
 * has passed it, even when transactions commit in another order than their events' ids.
 *
 * <p>The order is the position {@code (xid, id)}: the id of the transaction that wrote the event, then the event's
 * id. A read returns only events of transactions older than the oldest one still running, so every transaction
 * below a returned position has ended and a later read can never find a new event there. The price: an event
 * waits, at most, for write transactions that began before it and are still open (they take milliseconds).
 *
 * <p>Every transaction that writes events notifies {@link #CHANNEL} when it commits, on every node.
 */
@Service
public class EventFeed {

    /** Notified by every transaction that wrote events, as it commits (no payload). */
    public static final String CHANNEL = "reserva_events";

    /** Where an event sits in the feed. Events of earlier data (before positions existed) are at transaction 0. */
    public record Position(long xid, UUID id) implements Comparable<Position> {

        /** Before every event. */
        public static final Position START = new Position(0, new UUID(0, 0));

        private static final Comparator<Position> ORDER = Comparator.comparing(Position::xid, Long::compareUnsigned)
                .thenComparing(Position::id, EventFeed::compareUuids);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }

        public Position max(Position other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** An event as a stream sends it: {@code payload} is exactly the body a webhook receives. */
    public record FeedEvent(Position position, UUID organizationId, String type, String payload) {

        public UUID id() {
            return position.id();
        }
    }

    /**
     * A read: the events found, and the oldest transaction still running then ({@code safeXid}); {@code pending}
     * says that events of the organizations asked for exist at or above it (committed or not), so reading again
     * soon will find more.
     */
    public record Batch(List<FeedEvent> events, long safeXid, boolean pending) {

        /** Everything below this is final; with fewer events than asked for, everything read up to here. */
        public Position safePosition() {
            return new Position(safeXid, new UUID(0, 0));
        }
    }

    private final EventRepository events;

    EventFeed(EventRepository events) {
        this.events = events;
    }

    /**
     * At most {@code limit} events of {@code organizations} after {@code after}, oldest first, each of them final.
     * When fewer than {@code limit} come back, every event below {@link Batch#safePosition()} has been read.
     */
    public Batch read(Position after, List<UUID> organizations, int limit) {
        return events.feed(after, organizations, limit);
    }

    /** The point from which a reader that starts now sees everything that commits after it started. */
    public Position now() {
        return events.feed(Position.START, List.of(), 1).safePosition();
    }

    /** One organization's events in {@code (after, upTo]}, oldest first, at most {@code limit}. */
    public List<FeedEvent> replay(UUID organizationId, Position after, Position upTo, int limit) {
        return events.replay(organizationId, after, upTo, limit);
    }

    /** The position of one of the organization's events, if it is still kept (30 days by default). */
    public Optional<Position> positionOf(UUID organizationId, UUID eventId) {
        return events.positionOf(organizationId, eventId);
    }

    /** UUIDs in the order PostgreSQL sorts them: their bytes, unsigned (Java's own compareTo is signed). */
    static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
