package io.reserva.live;

import io.reserva.live.LiveStream.Credential;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.ApiKeyManagement;
import io.reserva.tenancy.Caller;
import io.reserva.users.UserSessions;
import io.reserva.webhooks.EventFeed;
import io.reserva.webhooks.EventFeed.FeedEvent;
import io.reserva.webhooks.EventFeed.Position;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens live streams of an organization's events and keeps them honest: a heartbeat so proxies keep them open,
 * a periodic check that the session or key that opened each one still stands (a sign-out or revoke on any node
 * ends it within {@code credentialCheck}), a maximum lifetime, and all of them closed before the web server drains
 * its requests on shutdown (an open stream would otherwise hold the graceful shutdown for its full timeout).
 *
 * <p>A stream holds no thread and no database connection while it waits: the node's {@link LiveFanOut} reads for
 * all of them, and a small pool writes.
 */
@Service
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final long RECONNECT_MILLIS = 1_000;

    private final LiveFanOut fanOut;
    private final EventFeed feed;
    private final UserSessions sessions;
    private final ApiKeyManagement apiKeys;
    private final LiveProperties properties;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean closing;
    private ThreadPoolExecutor writers;
    private ScheduledExecutorService timer;

    LiveStreams(
            LiveFanOut fanOut,
            EventFeed feed,
            UserSessions sessions,
            ApiKeyManagement apiKeys,
            LiveProperties properties) {
        this.fanOut = fanOut;
        this.feed = feed;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.properties = properties;
    }

    /**
     * Opens a stream of one organization's events for {@code caller}: its own organization, or for a platform key
     * the one it names. {@code lastEventId} (the {@code Last-Event-ID} a reconnecting browser sends) resumes after
     * that event; without it the stream starts now. Exactly one of the secrets is given: what to check again later.
     */
    public SseEmitter open(
            Caller caller,
            UUID requestedOrganization,
            String types,
            String lastEventId,
            String sessionSecret,
            String apiKeySecret) {
        UUID organization = caller.organizationFor(requestedOrganization);
        EventTypeFilter filter = EventTypeFilter.parse(types);
        if (sessionSecret == null && apiKeySecret == null) {
            // Nothing to check again later: a stream that could outlive its credential is not opened.
            throw new ReservaException(ErrorCode.UNAUTHORIZED, "A live stream needs an API key or a session");
        }
        Credential credential = sessionSecret != null
                ? new Credential(Credential.Kind.SESSION, sessionSecret)
                : new Credential(Credential.Kind.API_KEY, apiKeySecret);
        if (!running || closing) {
            throw new ReservaException(ErrorCode.SERVICE_UNAVAILABLE, "The server is shutting down; reconnect");
        }
        Optional<Position> resumeAfter = resumePoint(organization, lastEventId);

        SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
        LiveStream stream = new LiveStream(
                organization, filter, credential, emitter, writers, properties.maxQueued(), this::forget);
        emitter.onCompletion(stream::gone);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.gone());
        open.add(stream);
        stream.retryAfter(RECONNECT_MILLIS);

        try {
            start(stream, organization, lastEventId, resumeAfter);
        } catch (RuntimeException e) {
            stream.gone();
            throw e;
        }
        return emitter;
    }

    private void start(LiveStream stream, UUID organization, String lastEventId, Optional<Position> resumeAfter) {
        Position cursor = fanOut.register(stream);
        if (lastEventId == null || lastEventId.isBlank()) {
            stream.startAt(cursor, List.of());
        } else if (resumeAfter.isEmpty()) {
            stream.resetAt(cursor, "unknown_last_event_id");
        } else if (resumeAfter.get().compareTo(cursor) >= 0) {
            stream.startAt(resumeAfter.get(), List.of());
        } else {
            int limit = properties.replayLimit();
            List<FeedEvent> missed = feed.replay(organization, resumeAfter.get(), cursor, limit + 1);
            if (missed.size() > limit) {
                stream.resetAt(cursor, "too_far_behind");
            } else {
                stream.startAt(resumeAfter.get(), missed);
            }
        }
    }

    private Optional<Position> resumePoint(UUID organization, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(lastEventId.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return feed.positionOf(organization, id);
    }

    private void forget(LiveStream stream) {
        open.remove(stream);
        fanOut.unregister(stream);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        writers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "live-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        writers.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-timer");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long check = properties.credentialCheck().toMillis();
        timer.scheduleWithFixedDelay(this::checkCredentials, check, check, TimeUnit.MILLISECONDS);
        fanOut.start();
        closing = false;
        running = true;
    }

    /** Closes every stream as soon as the application starts closing, before the web server drains requests. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
        closeAll();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeAll();
        fanOut.stop();
        timer.shutdownNow();
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the notification listener (so no commit is missed) and before the web server takes requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    private void closeAll() {
        for (LiveStream stream : List.copyOf(open)) {
            stream.close();
        }
    }

    private void heartbeat() {
        for (LiveStream stream : open) {
            stream.heartbeat();
        }
    }

    /** Ends the streams whose session ended (sign-out, revoke, timeout) or whose API key was revoked or expired. */
    private void checkCredentials() {
        try {
            Map<String, List<LiveStream>> bySession = new java.util.HashMap<>();
            Map<String, List<LiveStream>> byKey = new java.util.HashMap<>();
            for (LiveStream stream : open) {
                Credential credential = stream.credential();
                (credential.kind() == Credential.Kind.SESSION ? bySession : byKey)
                        .computeIfAbsent(credential.secret(), secret -> new java.util.ArrayList<>())
                        .add(stream);
            }
            Set<String> ended = new HashSet<>(bySession.keySet());
            ended.removeAll(sessions.stillLive(bySession.keySet()));
            for (String secret : ended) {
                bySession.get(secret).forEach(LiveStream::close);
            }
            for (Map.Entry<String, List<LiveStream>> key : byKey.entrySet()) {
                if (apiKeys.authenticate(key.getKey()).isEmpty()) {
                    key.getValue().forEach(LiveStream::close);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the credentials of live streams: {}", e.getMessage());
        }
    }
}
