package io.reserva.google;

import io.reserva.tenancy.Caller;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Puts together {@code GET /google-integration/status}. */
@Service
public class GoogleStatus {

    private static final int UPDATES_SHOWN = 50;

    private final GoogleFeeds feeds;
    private final RealTimeUpdateRepository updates;
    private final GoogleIntegrationRepository integrations;
    private final GoogleRequests requests;
    private final GoogleUpdateProperties properties;

    GoogleStatus(
            GoogleFeeds feeds,
            RealTimeUpdateRepository updates,
            GoogleIntegrationRepository integrations,
            GoogleRequests requests,
            GoogleUpdateProperties properties) {
        this.feeds = feeds;
        this.updates = updates;
        this.integrations = integrations;
        this.requests = requests;
        this.properties = properties;
    }

    /**
     * Platform keys without {@code organization_id}: the whole installation. Admins (and platform keys naming an
     * organization): that organization's updates, and the feed run without other merchants' details.
     */
    public GoogleIntegrationStatus status(Caller caller, UUID requestedOrganization) {
        caller.requireAdmin();
        Optional<FeedRun> last = feeds.lastRun();
        if (caller.isPlatform() && requestedOrganization == null) {
            return new GoogleIntegrationStatus(
                    last.orElse(null), properties.enabled(), updates.recent(null, UPDATES_SHOWN), requests.recent());
        }
        UUID organizationId = caller.organizationFor(requestedOrganization);
        String merchant = integrations.merchantOf(organizationId).orElse(null);
        FeedRun own = last.map(run -> new FeedRun(
                        run.id(),
                        run.trigger(),
                        run.startedAt(),
                        run.finishedAt(),
                        run.generationTimestamp(),
                        run.nonce(),
                        null,
                        run.merchants(),
                        run.services(),
                        run.availabilityRows(),
                        run.availabilityShards(),
                        run.files(),
                        run.skipped().stream()
                                .filter(reason -> merchant != null && mentions(reason, merchant))
                                .toList(),
                        run.uploadStatus(),
                        run.uploadError() == null ? null : "the upload failed; the platform's status says why"))
                .orElse(null);
        return new GoogleIntegrationStatus(
                own, properties.enabled(), updates.recent(organizationId, UPDATES_SHOWN), null);
    }

    /** Whether a skip reason ({@code "merchant m: …"} or {@code "service m/s: …"}) is about this merchant. */
    private static boolean mentions(String reason, String merchant) {
        return reason.startsWith("merchant " + merchant + ":") || reason.startsWith("service " + merchant + "/");
    }
}
