package io.reserva.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.Ids;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Download the whole guest list": keyset pages of 500 walk every contact once, and only this tenant's. */
@IntegrationTest
class ContactExportIntegrationTests {

    private static final int CONTACTS = 1_200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    Set<String> inserted;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        inserted = insertContacts(tenant.id(), CONTACTS);
        insertContacts(api.newTenant().id(), 50);
    }

    /** Straight into the table: the API would be the slow part, and it is not what is tested here. */
    private Set<String> insertContacts(UUID organizationId, int count) {
        Set<String> ids = new HashSet<>();
        // Many share a created_at, so the order must fall back to the id without losing or repeating rows.
        OffsetDateTime base = OffsetDateTime.ofInstant(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            UUID id = Ids.newId();
            ids.add(id.toString());
            jdbc.sql("insert into contacts (id, organization_id, first_name, email, created_at, updated_at)"
                            + " values (:id, :org, :name, :email, :at, :at)")
                    .param("id", id)
                    .param("org", organizationId)
                    .param("name", "Guest " + i)
                    .param("email", "guest" + i + "@example.com")
                    .param("at", base.plusMinutes(i % 7))
                    .update();
        }
        return ids;
    }

    @Test
    void cursorPagesOf500WalkEveryContactOnce() {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = "*";
        while (cursor != null) {
            Response page = api.get(
                    tenant.adminKey(),
                    "/contacts?$limit=500&$cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            TestApi.expect(page, 200);
            assertThat(page.body().has("total")).isFalse();
            page.body()
                    .get("data")
                    .forEach(contact -> seen.add(contact.get("id").asString()));
            pageSizes.add(page.body().get("data").size());
            boolean hasMore = page.body().get("has_more").asBoolean();
            cursor = hasMore ? page.get("next_cursor") : null;
        }
        assertThat(pageSizes).containsExactly(500, 500, 200);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(inserted);
    }

    @Test
    void aDescendingExportWithAFilterAlsoHasNoGapsAndTheCursorIsBoundToItsQuery() {
        List<String> seen = new ArrayList<>();
        String query = "/contacts?$limit=500&$sort[created_at]=-1&created_at[$gte]=2027-01-01T00:03:00Z";
        String cursor = "*";
        String lastCursor = null;
        while (cursor != null) {
            Response page =
                    api.get(tenant.adminKey(), query + "&$cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            TestApi.expect(page, 200);
            page.body()
                    .get("data")
                    .forEach(contact -> seen.add(contact.get("id").asString()));
            lastCursor = cursor.equals("*") ? lastCursor : cursor;
            cursor = page.body().get("has_more").asBoolean() ? page.get("next_cursor") : null;
            if (cursor != null) {
                lastCursor = cursor;
            }
        }
        long expected = java.util.stream.IntStream.range(0, CONTACTS)
                .filter(i -> i % 7 >= 3)
                .count();
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) expected);

        Response replayed = api.get(
                tenant.adminKey(),
                "/contacts?$limit=500&$cursor=" + URLEncoder.encode(lastCursor, StandardCharsets.UTF_8));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.code()).isEqualTo("invalid_query");
    }

    @Test
    void exportPagesAreCappedAt500() {
        Response page = api.get(tenant.adminKey(), "/contacts?$limit=5000&$cursor=*");
        assertThat(page.body().get("limit").asInt()).isEqualTo(500);
        assertThat(page.body().get("data")).hasSize(500);
        assertThat(api.get(tenant.adminKey(), "/contacts?$limit=5000")
                        .body()
                        .get("limit")
                        .asInt())
                .isEqualTo(50);
        assertThat(api.get(tenant.adminKey(), "/contacts?$limit=0")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(CONTACTS);
    }
}
