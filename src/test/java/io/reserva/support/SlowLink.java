package io.reserva.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on loopback to {@code target} over a slow link, as the crash test puts before its SMTP server: each
 * direction carries at most {@code bytesPerSecond}, so a message takes a while to send and a kill lands in the middle
 * of some. The pace is a token bucket refilled
 * every {@link #TICK} by a scheduler; a pump blocks on its permits, never on a fixed pause.
 */
public final class SlowLink implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(50);

    private final ServerSocket listener;
    private final int target;
    private final int bytesPerTick;
    private final Semaphore toServer = new Semaphore(0);
    private final Semaphore toClient = new Semaphore(0);
    private final ScheduledExecutorService refill = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slow-link-refill");
        thread.setDaemon(true);
        return thread;
    });

    public SlowLink(int target, int bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        this.target = target;
        this.bytesPerTick = Math.max(1, (int) (bytesPerSecond * TICK.toMillis() / 1000));
        // A link's bandwidth does not pile up while it is idle: each tick tops the bucket up to one tick's worth.
        refill.scheduleAtFixedRate(
                () -> {
                    topUp(toServer);
                    topUp(toClient);
                },
                0,
                TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        Thread acceptor = new Thread(this::accept, "slow-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void topUp(Semaphore bucket) {
        int missing = bytesPerTick - bucket.availablePermits();
        if (missing > 0) {
            bucket.release(missing);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(java.net.InetAddress.getLoopbackAddress(), target);
                pump(client, server, toServer);
                pump(server, client, toClient);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, Semaphore bucket) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[bytesPerTick];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            bucket.acquire(read); // the link's bandwidth
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side went away: so does the relay
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "slow-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        refill.shutdownNow();
        listener.close();
    }
}
