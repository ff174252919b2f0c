package io.reserva.live;

import io.reserva.webhooks.EventFeed.FeedEvent;
import io.reserva.webhooks.EventFeed.Position;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open stream: what it may see (one organization, some event types), how far it has got (the position of the
 * last event it was given) and the messages on their way to it.
 *
 * <p>Events reach it in the feed's order from two sources that may overlap, the replay of a resume and the node's
 * live fan-out; anything at or before its position is dropped, so each event is sent once. Live events that arrive
 * while the replay runs wait in a buffer. Messages are written by a shared pool, one at a time per stream, so a
 * slow client holds neither the fan-out nor the other streams; one that falls {@code maxQueued} messages behind is
 * closed, and resumes from its last event when it reconnects.
 */
final class LiveStream {

    private final UUID organizationId;
    private final EventTypeFilter types;
    private final Credential credential;
    private final SseEmitter emitter;
    private final Executor writer;
    private final int maxQueued;
    private final Consumer<LiveStream> onClose;

    private final ArrayDeque<SseEventBuilder> queue = new ArrayDeque<>();
    private List<FeedEvent> buffered = new ArrayList<>();
    private Position position;
    private boolean replaying = true;
    private boolean writing;
    private boolean closed;

    LiveStream(
            UUID organizationId,
            EventTypeFilter types,
            Credential credential,
            SseEmitter emitter,
            Executor writer,
            int maxQueued,
            Consumer<LiveStream> onClose) {
        this.organizationId = organizationId;
        this.types = types;
        this.credential = credential;
        this.emitter = emitter;
        this.writer = writer;
        this.maxQueued = maxQueued;
        this.onClose = onClose;
    }

    UUID organizationId() {
        return organizationId;
    }

    Credential credential() {
        return credential;
    }

    /** A live event from the fan-out. */
    synchronized void offer(FeedEvent event) {
        if (closed) {
            return;
        }
        if (replaying) {
            buffered.add(event);
        } else {
            send(event);
        }
    }

    /** Replayed events, in order; then the live events that came meanwhile, and from now on live ones directly. */
    synchronized void startAt(Position start, List<FeedEvent> replay) {
        position = start;
        replay.forEach(this::send);
        replaying = false;
        List<FeedEvent> waiting = buffered;
        buffered = null;
        waiting.forEach(this::send);
    }

    /**
     * The client cannot resume where it asked (too far behind, or an event no longer kept): it is told to reload
     * and is given live events from {@code start} on.
     */
    synchronized void resetAt(Position start, String reason) {
        enqueue(SseEmitter.event().name("reset").data("{\"reason\":\"" + reason + "\"}", MediaType.APPLICATION_JSON));
        startAt(start, List.of());
    }

    synchronized void heartbeat() {
        if (!closed && queue.isEmpty()) {
            enqueue(SseEmitter.event().comment("keep-alive"));
        }
    }

    /** Tells the client how long to wait before reconnecting (browsers otherwise wait about 3 s). */
    synchronized void retryAfter(long millis) {
        enqueue(SseEmitter.event().reconnectTime(millis));
    }

    /** Ends the stream from the server's side. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        onClose.accept(this);
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // The response is already gone: nothing left to end.
        }
    }

    /** The client went away or the container ended the request: forget the stream without writing to it. */
    void gone() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        onClose.accept(this);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void send(FeedEvent event) {
        if (event.position().compareTo(position) <= 0) {
            return;
        }
        position = event.position();
        if (types.test(event.type())) {
            enqueue(SseEmitter.event()
                    .id(event.id().toString())
                    .name(event.type())
                    .data(event.payload(), MediaType.APPLICATION_JSON));
        }
    }

    private void enqueue(SseEventBuilder message) {
        if (closed) {
            return;
        }
        if (queue.size() >= maxQueued) {
            writer.execute(this::close);
            return;
        }
        queue.add(message);
        if (!writing) {
            writing = true;
            writer.execute(this::write);
        }
    }

    private void write() {
        while (true) {
            SseEventBuilder next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            try {
                emitter.send(next);
            } catch (IOException | RuntimeException e) {
                // The client went away; the container ends the request and calls the emitter's callbacks.
                gone();
                return;
            }
        }
    }

    /** What the stream was opened with, checked again now and then: a session or an API key. */
    record Credential(Kind kind, String secret) {
        enum Kind {
            SESSION,
            API_KEY
        }

        @Override
        public String toString() {
            return "Credential[" + kind + "]";
        }
    }
}
