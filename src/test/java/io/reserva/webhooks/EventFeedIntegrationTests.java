package io.reserva.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.Ids;
import io.reserva.support.IntegrationTest;
import io.reserva.webhooks.EventFeed.Batch;
import io.reserva.webhooks.EventFeed.FeedEvent;
import io.reserva.webhooks.EventFeed.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feed's order is commit-safe: an event whose transaction is still open holds back the events committed
 * after it, so a reader that has moved on can never have skipped it. Written with plain connections, to commit in
 * exactly the order the test needs.
 */
@IntegrationTest
class EventFeedIntegrationTests {

    @Autowired
    EventFeed feed;

    @Autowired
    DataSource dataSource;

    @Test
    void anEventWhoseTransactionCommitsLateIsNotSkippedByAReaderThatSawALaterOne() throws Exception {
        UUID organization = UUID.randomUUID();
        List<UUID> organizations = List.of(organization);
        Position start = feed.now();
        UUID laterId = Ids.newId(); // the smaller id, committed first
        UUID earlierId = Ids.newId(); // the larger id, in the transaction that began first and commits last

        try (Connection slow = dataSource.getConnection();
                Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            quick.setAutoCommit(false);
            insert(slow, organization, earlierId);
            insert(quick, organization, laterId);
            quick.commit();

            Batch held = feed.read(start, organizations, 100);
            assertThat(held.events()).as("held back by the open transaction").isEmpty();
            assertThat(held.pending()).isTrue();
            assertThat(held.safePosition()).isLessThanOrEqualTo(new Position(xidOf(quick, laterId), laterId));

            slow.commit();
        }
        Batch all = feed.read(start, organizations, 100);
        assertThat(all.events()).extracting(FeedEvent::id).containsExactly(earlierId, laterId);
        assertThat(all.pending()).isFalse();
        assertThat(all.events().get(0).payload()).startsWith("{\"type\":\"contact.created\",");

        // A resume after the first replays the second only; after the last, nothing.
        Position first = all.events().get(0).position();
        assertThat(feed.positionOf(organization, earlierId)).contains(first);
        Position upTo = all.safePosition();
        assertThat(feed.replay(organization, first, upTo, 10))
                .extracting(FeedEvent::id)
                .containsExactly(laterId);
        assertThat(feed.replay(organization, all.events().get(1).position(), upTo, 10))
                .isEmpty();
        assertThat(feed.positionOf(UUID.randomUUID(), earlierId))
                .as("another organization's")
                .isEmpty();
    }

    private static void insert(Connection connection, UUID organization, UUID id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("""
                with stored as (insert into event_data (id, organization_id, data, created_at)
                                values (?, ?, '{"id": 1}', now()))
                insert into events (id, organization_id, type, data_id, created_at)
                values (?, ?, 'contact.created', ?, now())
                """)) {
            statement.setObject(1, id);
            statement.setObject(2, organization);
            statement.setObject(3, id);
            statement.setObject(4, organization);
            statement.setObject(5, id);
            statement.executeUpdate();
        }
    }

    private static long xidOf(Connection connection, UUID id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select xid::text from events where id = ?")) {
            statement.setObject(1, id);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        }
    }
}
