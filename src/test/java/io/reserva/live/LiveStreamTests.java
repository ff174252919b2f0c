package io.reserva.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.live.LiveStream.Credential;
import io.reserva.webhooks.EventFeed.FeedEvent;
import io.reserva.webhooks.EventFeed.Position;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One stream's bookkeeping: each event once, in order, replay before live, its filter, and a slow client. */
class LiveStreamTests {

    private static final UUID ORG = UUID.randomUUID();

    /** An emitter that records what would be written, as the text of each message. */
    static final class RecordingEmitter extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            sent.add(builder.build().stream()
                    .map(DataWithMediaType::getData)
                    .map(Object::toString)
                    .collect(Collectors.joining()));
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            for (String message : sent) {
                for (String line : message.split("\n")) {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3));
                    }
                }
            }
            return ids;
        }
    }

    private final RecordingEmitter emitter = new RecordingEmitter();
    private final AtomicBoolean forgotten = new AtomicBoolean();

    private LiveStream stream(EventTypeFilter types, int maxQueued) {
        // Runs writes on the caller's thread, so what was sent is known when a call returns.
        return new LiveStream(
                ORG,
                types,
                new Credential(Credential.Kind.API_KEY, "rsv_x"),
                emitter,
                Runnable::run,
                maxQueued,
                s -> forgotten.set(true));
    }

    private static FeedEvent event(long xid, String type) {
        UUID id = UUID.randomUUID();
        return new FeedEvent(new Position(xid, id), ORG, type, "{\"type\":\"" + type + "\",\"n\":" + xid + "}");
    }

    @Test
    void liveEventsThatArriveDuringTheReplayWaitAndOverlapsAreSentOnce() {
        LiveStream stream = stream(EventTypeFilter.ALL, 100);
        FeedEvent one = event(10, "contact.created");
        FeedEvent two = event(11, "contact.created");
        FeedEvent three = event(12, "contact.updated");
        stream.offer(two); // live, while the replay has not finished: also in the replay
        stream.offer(three);
        assertThat(emitter.sent).isEmpty();

        stream.startAt(new Position(9, new UUID(0, 0)), List.of(one, two));
        stream.offer(three); // a second delivery of the same event
        stream.offer(one); // and an old one

        assertThat(emitter.ids())
                .containsExactly(
                        one.id().toString(), two.id().toString(), three.id().toString());
        assertThat(emitter.sent.get(2)).contains("event:contact.updated").contains("data:{\"type\"");
    }

    @Test
    void theFilterSkipsTypesButStillMovesThePosition() {
        LiveStream stream = stream(EventTypeFilter.parse("reservation.*"), 100);
        stream.startAt(Position.START, List.of());
        FeedEvent contact = event(5, "contact.created");
        FeedEvent reservation = event(6, "reservation.created");
        stream.offer(contact);
        stream.offer(reservation);
        stream.offer(contact);
        assertThat(emitter.ids()).containsExactly(reservation.id().toString());
    }

    @Test
    void aResetTellsTheClientToReloadAndGoesOnLiveFromThere() {
        LiveStream stream = stream(EventTypeFilter.ALL, 100);
        Position cursor = new Position(20, new UUID(0, 0));
        stream.resetAt(cursor, "too_far_behind");
        stream.offer(event(19, "contact.created")); // before the point it goes on from
        FeedEvent next = event(21, "contact.created");
        stream.offer(next);
        assertThat(emitter.sent.get(0)).contains("event:reset").contains("too_far_behind");
        assertThat(emitter.ids()).containsExactly(next.id().toString());
    }

    @Test
    void aClientThatFallsTooFarBehindIsClosedAndForgotten() {
        List<Runnable> pending = new ArrayList<>();
        LiveStream stream = new LiveStream(
                ORG,
                EventTypeFilter.ALL,
                new Credential(Credential.Kind.API_KEY, "rsv_x"),
                emitter,
                pending::add, // nothing is written: the client does not read
                16,
                s -> forgotten.set(true));
        stream.startAt(Position.START, List.of());
        for (int i = 1; i <= 17; i++) {
            stream.offer(event(i, "contact.created"));
        }
        assertThat(stream.isClosed()).isFalse();
        List.copyOf(pending).forEach(Runnable::run);
        assertThat(stream.isClosed()).isTrue();
        assertThat(forgotten).isTrue();
    }

    @Test
    void aHeartbeatIsACommentAndNotAnEvent() {
        LiveStream stream = stream(EventTypeFilter.ALL, 100);
        stream.startAt(Position.START, List.of());
        stream.heartbeat();
        assertThat(emitter.sent).containsExactly(":keep-alive\n\n");
    }
}
