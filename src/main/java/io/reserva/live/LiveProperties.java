package io.reserva.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live stream settings ({@code RESERVA_LIVE_*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param pollInterval how often a node reads the outbox when no notification woke it (a lost notification, or an
 *     event that waited for an older transaction to end)
 * @param credentialCheck how often open streams check that their session or API key still stands
 * @param replayLimit the most events a resume replays; a client further behind gets {@code event: reset}
 * @param maxQueued the most messages waiting for one slow client; beyond, its stream is closed (it resumes)
 * @param maxDuration how long one stream stays open before the server closes it and the client reconnects
 */
@ConfigurationProperties("reserva.live")
record LiveProperties(
        Duration heartbeat,
        Duration pollInterval,
        Duration credentialCheck,
        Integer replayLimit,
        Integer maxQueued,
        Duration maxDuration) {

    LiveProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        credentialCheck = credentialCheck == null ? Duration.ofSeconds(3) : credentialCheck;
        replayLimit = replayLimit == null ? 1000 : Math.max(1, replayLimit);
        maxQueued = maxQueued == null ? 2000 : Math.max(16, maxQueued);
        maxDuration = maxDuration == null ? Duration.ofMinutes(30) : maxDuration;
    }
}
