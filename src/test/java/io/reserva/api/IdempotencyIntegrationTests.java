package io.reserva.api;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class IdempotencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdempotencyStore store;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    @Test
    void aRetryReplaysTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = TestApi.json(fields("name", "Retry me", "role", "staff"));
        Response first = post(key, body);
        Response retry = post(key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(keysNamed("Retry me")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, TestApi.json(fields("name", "First", "role", "staff")))
                        .status())
                .isEqualTo(201);
        Response other = post(key, TestApi.json(fields("name", "Second", "role", "staff")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("idempotency_conflict");
        assertThat(keysNamed("Second")).isZero();
    }

    @Test
    void refusalsAreReplayedToo() {
        String key = UUID.randomUUID().toString();
        String body = TestApi.json(fields("name", "x", "role", "nonsense"));
        assertThat(post(key, body).status()).isEqualTo(422);
        Response again = post(key, body);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void keysAreScopedToTheApiKey() {
        String key = UUID.randomUUID().toString();
        String body = TestApi.json(fields("name", "Scoped", "role", "staff"));
        assertThat(post(key, body).status()).isEqualTo(201);
        Tenant other = api.newTenant();
        Response theirs = api.send(other.adminKey(), "POST", "/api-keys", body, Map.of("Idempotency-Key", key));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.get("organization_id")).isEqualTo(other.id().toString());
    }

    @Test
    void concurrentDuplicatesCreateOneThingAndAllSeeIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = TestApi.json(fields("name", "Raced", "role", "staff"));
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return post(key, body);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> result : results) {
            Response response = result.get();
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            ids.add(response.get("id"));
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(keysNamed("Raced")).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsRefused() {
        Response response = api.send(
                tenant.adminKey(),
                "POST",
                "/api-keys",
                TestApi.json(fields("name", "x", "role", "staff")),
                Map.of("Idempotency-Key", "x".repeat(300)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_parameter");
        assertThat(keysNamed("x")).isZero();
    }

    @Test
    void theAsynchronousCommitOfAClaimEndsWithItsOwnStatement() throws Exception {
        // The claim and the stored response commit with synchronous_commit off; the pooled connection must
        // keep its own setting, or the next booking on it would not wait for the disk either.
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient one = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            // The test server runs with synchronous_commit off throughout; the application's server, on.
            one.sql("set synchronous_commit = on").update();
            IdempotencyStore onOneConnection = new IdempotencyStore(one, json, clock);
            String key = UUID.randomUUID().toString();
            byte[] hash = new byte[32];

            assertThat(onOneConnection.claim("test:" + key, key, hash, Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(synchronousCommit(one)).isEqualTo("on");
            onOneConnection.complete("test:" + key, key, 201, Map.of(), new byte[] {1});
            assertThat(synchronousCommit(one)).isEqualTo("on");

            IdempotencyStore.Stored stored = store.find("test:" + key, key).orElseThrow();
            assertThat(stored.completed()).isTrue();
            assertThat(stored.status()).isEqualTo(201);
        }
    }

    private static String synchronousCommit(JdbcClient jdbc) {
        return jdbc.sql("show synchronous_commit").query(String.class).single();
    }

    private Response post(String idempotencyKey, String body) {
        return api.send(tenant.adminKey(), "POST", "/api-keys", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    private long keysNamed(String name) {
        return api.get(tenant.adminKey(), "/api-keys?name=" + name.replace(" ", "%20"))
                .body()
                .get("total")
                .asLong();
    }
}
