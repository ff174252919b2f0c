package io.reserva.google;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Google's waitlist API: the contract pairs in {@code src/test/resources/google/w*.json} (written from Google's
 * waitlist reference) replayed in order against one venue, and what a pair cannot show: retries racing with one
 * token, refusals that leave nothing behind, and a stored contact never echoed.
 */
@IntegrationTest
class GoogleWaitlistIntegrationTests {

    static final List<String> FILES = List.of(
            "w1_batch_get_wait_estimates.json",
            "w2_create_waitlist_entry.json",
            "w3_get_waitlist_entry.json",
            "w4_delete_waitlist_entry.json",
            "w5_get_waitlist_entry_after_delete.json");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWaitlistRpcAnswersAsTheReferenceSays() throws Exception {
        GoogleFixture google = GoogleFixture.forWaitlist(new TestApi(port));
        String user = "u" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> variables = new HashMap<>();
        variables.put("merchant_id", google.merchantId);
        variables.put("user_id", user);
        variables.put("email", user + "@example.com");
        variables.put("token", UUID.randomUUID().toString());
        BookingServerContractIntegrationTests.replay(google, FILES, variables);
        Response entry = google.api.get(google.tenant.adminKey(), "/waitlist-entries/" + variables.get("entry_id"));
        TestApi.expect(entry, 200);
        assertThat(entry.get("source")).isEqualTo("google");
        assertThat(entry.get("kind")).isEqualTo("now");
        assertThat(entry.get("notes")).isEqualTo("A high chair, please");
        assertThat(entry.get("status")).isEqualTo("cancelled");
        assertThat(Long.parseLong(variables.get("first_to")))
                .isGreaterThanOrEqualTo(Long.parseLong(variables.get("first_from")));
    }

    @Test
    void eightConcurrentRetriesWithOneTokenJoinOnce() throws Exception {
        GoogleFixture google = GoogleFixture.forWaitlist(new TestApi(port));
        String token = UUID.randomUUID().toString();
        String body = TestApi.json(fields(
                "merchant_id",
                google.merchantId,
                "service_id",
                "dinner",
                "party_size",
                2,
                "user_information",
                GoogleFixture.user("u-" + token),
                "idempotency_token",
                token));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return google.call("CreateWaitlistEntry", body);
                }));
            }
            go.countDown();
            Set<String> entryIds = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertThat(response.status()).as(response.text()).isEqualTo(200);
                assertThat(response.body().has("waitlist_entry_id"))
                        .as(response.text())
                        .isTrue();
                entryIds.add(response.body().get("waitlist_entry_id").asString());
            }
            assertThat(entryIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("waitlist_entries", google)).isEqualTo(1L);
        assertThat(count("contacts", google))
                .as("no guest left behind by the retries that lost")
                .isEqualTo(1L);
    }

    @Test
    void aRefusedJoinLeavesNothingAndTheQueueIsCountedInEstimates() {
        GoogleFixture google = GoogleFixture.forWaitlist(new TestApi(port));
        Response closed = google.call(
                "CreateWaitlistEntry",
                fields(
                        "merchant_id",
                        google.merchantId,
                        "service_id",
                        "closed",
                        "party_size",
                        2,
                        "user_information",
                        GoogleFixture.user("u-" + UUID.randomUUID()),
                        "idempotency_token",
                        UUID.randomUUID().toString()));
        TestApi.expect(closed, 200);
        assertThat(closed.body()
                        .get("waitlist_business_logic_failure")
                        .get("cause")
                        .asString())
                .isEqualTo("MERCHANT_CLOSED");
        assertThat(count("waitlist_entries", google)).isZero();
        assertThat(count("contacts", google)).isZero();
        assertThat(count("google_waitlist_entries", google)).isZero();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> user = new java.util.LinkedHashMap<>(GoogleFixture.user("q" + i));
            user.put("telephone", "+491510000010" + i);
            TestApi.expect(
                    google.call(
                            "CreateWaitlistEntry",
                            fields(
                                    "merchant_id",
                                    google.merchantId,
                                    "service_id",
                                    "dinner",
                                    "party_size",
                                    2,
                                    "user_information",
                                    user,
                                    "idempotency_token",
                                    UUID.randomUUID().toString())),
                    200);
        }
        Response estimates = google.call(
                "BatchGetWaitEstimates",
                fields("merchant_id", google.merchantId, "service_id", "dinner", "party_size", List.of(2)));
        TestApi.expect(estimates, 200);
        assertThat(estimates
                        .body()
                        .get("wait_estimate")
                        .get(0)
                        .get("wait_length")
                        .get("parties_ahead_count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aStoredContactIsNeverEchoed() {
        TestApi api = new TestApi(port);
        GoogleFixture google = GoogleFixture.forWaitlist(api);
        Map<String, Object> user = GoogleFixture.user("u-" + UUID.randomUUID());
        TestApi.expect(
                api.post(
                        google.tenant.adminKey(),
                        "/contacts",
                        fields(
                                "first_name", "Stored",
                                "last_name", "Secret",
                                "email", user.get("email"),
                                "phone", user.get("telephone"),
                                "notes", "allergic to nuts")),
                201);
        Response created = google.call(
                "CreateWaitlistEntry",
                fields(
                        "merchant_id",
                        google.merchantId,
                        "service_id",
                        "dinner",
                        "party_size",
                        2,
                        "user_information",
                        user,
                        "idempotency_token",
                        UUID.randomUUID().toString()));
        TestApi.expect(created, 200);
        Response entry = google.call(
                "GetWaitlistEntry",
                fields(
                        "waitlist_entry_id",
                        created.body().get("waitlist_entry_id").asString()));
        TestApi.expect(entry, 200);
        assertThat(created.text() + entry.text())
                .doesNotContain("Stored")
                .doesNotContain("Secret")
                .doesNotContain("nuts")
                .doesNotContain("Ana");
    }

    private long count(String table, GoogleFixture google) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = :org")
                .param("org", google.tenant.id())
                .query(Long.class)
                .single();
    }
}
