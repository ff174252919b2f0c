package io.reserva.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events client for tests, as a browser's EventSource reads a stream: line by line, one message per
 * blank line, comments counted apart. It reads on a thread of its own until the server ends the stream or it is
 * closed.
 */
public final class SseReader implements AutoCloseable {

    /** One message: its id, event name and data (null when the message had none). */
    public record Message(String id, String event, String data, long receivedNanos, java.time.Instant receivedAt) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread thread;
    private volatile boolean ended;

    private SseReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.thread = new Thread(this::read, "sse-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Opens {@code path} with these headers; the answer's status and headers are known when this returns. */
    public static SseReader open(String base, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::header);
        try {
            return new SseReader(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static SseReader open(String base, String path, String key) {
        return open(base, path, Map.of("Authorization", "Bearer " + key));
    }

    public int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The messages that are events (an id and a name), in the order they came. */
    public List<Message> events() {
        return messages.stream().filter(m -> m.id() != null).toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null || event != null || !data.isEmpty()) {
                        messages.add(new Message(
                                id,
                                event,
                                data.isEmpty() ? null : String.join("\n", data),
                                System.nanoTime(),
                                java.time.Instant.now()));
                    }
                    id = null;
                    event = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            // Closed by the test or the server: either way the stream is over.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Already closed.
        }
        thread.interrupt();
    }
}
