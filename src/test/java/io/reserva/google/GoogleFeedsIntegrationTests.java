package io.reserva.google;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.RejectAllPasswordAuthenticator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's feeds: every enabled merchant with an address, its mapped services, and one availability row per
 * bookable start and party size from the engine the booking server answers with, each file valid against the
 * schemas written from Google's feed definitions; and the SFTP upload to an embedded MINA SSHD server.
 */
@IntegrationTest
class GoogleFeedsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    private GoogleFixture venue(boolean withAddress) {
        GoogleFixture venue = new GoogleFixture(api);
        if (withAddress) {
            TestApi.expect(
                    api.patch(
                            venue.tenant.adminKey(),
                            "/organizations/" + venue.tenant.id(),
                            fields(
                                    "address",
                                    "Unter den Linden 1, 10117 Berlin",
                                    "phone",
                                    "+493012345678",
                                    "website",
                                    "https://example.com")),
                    200);
        }
        return venue;
    }

    private Response runFeeds() {
        Response run = api.post(TestApi.PLATFORM_KEY, "/google-integration/feeds", fields());
        TestApi.expect(run, 200);
        return run;
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    private static List<Error> validate(String feed, JsonNode document) {
        try (InputStream schema =
                GoogleFeedsIntegrationTests.class.getResourceAsStream("/google/feeds/" + feed + "-feed.schema.json")) {
            Schema parsed = SCHEMAS.getSchema(schema);
            return parsed.validate(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFeedsDescribeEveryEnabledMerchantFromTheBookingServersEngineAndMatchGooglesSchemas() throws IOException {
        GoogleFixture venue = venue(true);
        GoogleFixture noAddress = venue(false);
        long taken = GoogleFixture.startSec(3, "19:00");
        TestApi.expect(
                venue.call(
                        "CreateBooking",
                        fields(
                                "slot",
                                venue.slot(taken, 2),
                                "user_information",
                                GoogleFixture.user("u-" + venue.merchantId),
                                "idempotency_token",
                                "t-" + venue.merchantId)),
                200);

        Response run = runFeeds();
        Path directory = Path.of(run.get("directory"));
        List<String> files = new ArrayList<>();
        run.body().get("files").forEach(f -> files.add(f.asString()));
        assertThat(run.get("upload_status")).isIn("not_configured", "failed", "succeeded");
        assertThat(run.body().get("skipped").toString())
                .as("a merchant without an address is left out, and the run says so")
                .contains(noAddress.merchantId);

        Map<String, JsonNode> merchants = new HashMap<>();
        Map<String, JsonNode> services = new HashMap<>();
        List<JsonNode> rows = new ArrayList<>();
        Set<String> nonces = new HashSet<>();
        Set<Integer> shardNumbers = new TreeSet<>();
        int availabilityShards = run.body().get("availability_shards").asInt();
        for (String name : files) {
            JsonNode document = read(directory.resolve(name));
            String feed = name.substring(0, name.indexOf('_'));
            assertThat(validate(feed, document)).as(name).isEmpty();
            JsonNode metadata = document.get("metadata");
            assertThat(metadata.get("processing_instruction").asString()).isEqualTo("PROCESS_AS_COMPLETE");
            assertThat(metadata.get("generation_timestamp").asLong())
                    .isEqualTo(run.body().get("generation_timestamp").asLong());
            nonces.add(metadata.get("nonce").asString());
            switch (feed) {
                case "merchant" ->
                    document.get("merchant")
                            .forEach(m -> merchants.put(m.get("merchant_id").asString(), m));
                case "service" ->
                    document.get("service")
                            .forEach(s -> services.put(
                                    s.get("merchant_id").asString() + "/"
                                            + s.get("service_id").asString(),
                                    s));
                default -> {
                    assertThat(metadata.get("total_shards").asInt()).isEqualTo(availabilityShards);
                    shardNumbers.add(metadata.get("shard_number").asInt());
                    int inShard = 0;
                    for (JsonNode group : document.get("service_availability")) {
                        for (JsonNode row : group.get("availability")) {
                            inShard++;
                            if (row.get("merchant_id").asString().equals(venue.merchantId)) {
                                rows.add(row);
                            }
                        }
                    }
                    assertThat(inShard).as("rows per shard").isLessThanOrEqualTo(1000);
                }
            }
        }
        assertThat(nonces).as("one nonce per run").hasSize(1).contains(run.get("nonce"));
        assertThat(availabilityShards)
                .as("a month of one venue is more than 1,000 rows")
                .isGreaterThan(1);
        assertThat(shardNumbers).hasSize(availabilityShards).first().isEqualTo(0);

        JsonNode merchant = merchants.get(venue.merchantId);
        assertThat(merchant).isNotNull();
        assertThat(merchant.get("geo").get("unstructured_address").asString()).contains("Berlin");
        assertThat(merchant.get("telephone").asString()).isEqualTo("+493012345678");
        assertThat(merchants).doesNotContainKey(noAddress.merchantId);
        JsonNode dinner = services.get(venue.merchantId + "/dinner");
        assertThat(dinner.get("rules").get("min_advance_online_canceling").asLong())
                .isEqualTo(7200);
        assertThat(dinner.get("localized_service_name").get("value").asString()).isEqualTo("Dinner");

        Map<Integer, Set<Long>> startsBySize = new HashMap<>();
        for (JsonNode row : rows) {
            assertThat(row.get("service_id").asString()).isEqualTo("dinner");
            assertThat(row.get("duration_sec").asLong()).isEqualTo(5400);
            assertThat(row.get("spots_open").asInt()).isEqualTo(1);
            assertThat(row.get("spots_total").asInt()).isGreaterThanOrEqualTo(1);
            startsBySize
                    .computeIfAbsent(row.get("resources").get("party_size").asInt(), k -> new TreeSet<>())
                    .add(row.get("start_sec").asLong());
        }
        assertThat(startsBySize.keySet()).as("one row per party size 1 to 4").containsExactlyInAnyOrder(1, 2, 3, 4);
        for (Set<Long> starts : startsBySize.values()) {
            assertThat(starts)
                    .as("the booked table is taken for every party size")
                    .doesNotContain(taken)
                    .contains(GoogleFixture.startSec(3, "12:00"), GoogleFixture.startSec(10, "21:30"));
        }

        // What the feed says is free is what BatchAvailabilityLookup says: every start of a day, both ways.
        List<Map<String, Object>> asked = new ArrayList<>();
        List<Long> asks = new ArrayList<>();
        for (int minutes = 11 * 60; minutes <= 23 * 60; minutes += 30) {
            long start = GoogleFixture.startSec(3, String.format("%02d:%02d", minutes / 60, minutes % 60));
            asks.add(start);
            asked.add(fields(
                    "service_id",
                    "dinner",
                    "start_sec",
                    Long.toString(start),
                    "duration_sec",
                    "5400",
                    "resource_ids",
                    fields("party_size", 2)));
        }
        Response lookup =
                venue.call("BatchAvailabilityLookup", fields("merchant_id", venue.merchantId, "slot_time", asked));
        TestApi.expect(lookup, 200);
        AtomicInteger i = new AtomicInteger();
        for (JsonNode answer : lookup.body().get("slot_time_availability")) {
            long start = asks.get(i.getAndIncrement());
            assertThat(startsBySize.get(2).contains(start))
                    .as("start %s", start)
                    .isEqualTo(answer.get("available").asBoolean());
        }
    }

    @Test
    void feedsAreUploadedOverSftpToTheKnownHostOnly(@TempDir Path dropbox) throws Exception {
        venue(true);
        KeyPair hostKey = ecKeyPair();
        KeyPair clientKey = ecKeyPair();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(
                (username, password, session) -> username.equals("feeds") && password.equals("s3cret"));
        server.setPublickeyAuthenticator((username, key, session) ->
                username.equals("feeds") && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dropbox));
        Files.createDirectories(dropbox.resolve("incoming"));
        server.start();
        try {
            String knownHost = PublicKeyEntry.toString(hostKey.getPublic());
            Response set = api.send(
                    TestApi.PLATFORM_KEY,
                    "PUT",
                    "/google-integration/feed-upload",
                    TestApi.json(fields(
                            "host",
                            "127.0.0.1",
                            "port",
                            server.getPort(),
                            "username",
                            "feeds",
                            "password",
                            "s3cret",
                            "host_key",
                            knownHost,
                            "remote_directory",
                            "/incoming")),
                    Map.of());
            TestApi.expect(set, 200);
            assertThat(set.text()).doesNotContain("s3cret");
            assertThat(set.get("authentication")).isEqualTo("password");
            assertThat(set.get("host_key_fingerprint")).isEqualTo(KeyUtils.getFingerPrint(hostKey.getPublic()));

            Response run = runFeeds();
            assertThat(run.get("upload_status")).isEqualTo("succeeded");
            for (JsonNode file : run.body().get("files")) {
                Path uploaded = dropbox.resolve("incoming").resolve(file.asString());
                assertThat(uploaded).exists();
                assertThat(Files.readString(uploaded))
                        .isEqualTo(
                                Files.readString(Path.of(run.get("directory")).resolve(file.asString())));
            }

            // A private key instead of the password.
            TestApi.expect(
                    api.send(
                            TestApi.PLATFORM_KEY,
                            "PUT",
                            "/google-integration/feed-upload",
                            TestApi.json(fields(
                                    "host",
                                    "127.0.0.1",
                                    "port",
                                    server.getPort(),
                                    "username",
                                    "feeds",
                                    "private_key",
                                    openSsh(clientKey),
                                    "host_key",
                                    "[127.0.0.1]:" + server.getPort() + " " + knownHost)),
                            Map.of()),
                    200);
            server.setPasswordAuthenticator(RejectAllPasswordAuthenticator.INSTANCE);
            Response byKey = runFeeds();
            assertThat(byKey.get("upload_status")).isEqualTo("succeeded");
            assertThat(dropbox.resolve(byKey.body().get("files").get(0).asString()))
                    .exists();

            // A server showing another key gets nothing; the feeds are still written and the run says why.
            String otherHost = PublicKeyEntry.toString(ecKeyPair().getPublic());
            TestApi.expect(
                    api.send(
                            TestApi.PLATFORM_KEY,
                            "PUT",
                            "/google-integration/feed-upload",
                            TestApi.json(fields(
                                    "host",
                                    "127.0.0.1",
                                    "port",
                                    server.getPort(),
                                    "username",
                                    "feeds",
                                    "private_key",
                                    openSsh(clientKey),
                                    "host_key",
                                    otherHost,
                                    "remote_directory",
                                    "/elsewhere")),
                            Map.of()),
                    200);
            Response refused = runFeeds();
            assertThat(refused.get("upload_status")).isEqualTo("failed");
            assertThat(refused.get("upload_error")).isNotBlank();
            assertThat(dropbox.resolve("elsewhere")).doesNotExist();
            assertThat(Path.of(refused.get("directory"))
                            .resolve(refused.body().get("files").get(0).asString()))
                    .exists();
            Response status = api.get(TestApi.PLATFORM_KEY, "/google-integration/feed-upload");
            assertThat(status.text()).doesNotContain("PRIVATE KEY");
        } finally {
            api.delete(TestApi.PLATFORM_KEY, "/google-integration/feed-upload");
            server.stop(true);
        }
        assertThat(api.get(TestApi.PLATFORM_KEY, "/google-integration/feed-upload")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(TestApi.PLATFORM_KEY, "/google-integration/feed-upload")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badUploadSettingsAreRefusedNamingTheFieldAndOnlyThePlatformRunsFeeds() throws Exception {
        String knownHost = PublicKeyEntry.toString(ecKeyPair().getPublic());
        Map<String, Object> good =
                fields("host", "sftp.example.com", "username", "feeds", "password", "x", "host_key", knownHost);
        List<Object[]> cases = List.of(
                new Object[] {"host", null},
                new Object[] {"host", "not a host"},
                new Object[] {"port", 70000},
                new Object[] {"username", ""},
                new Object[] {"host_key", null},
                new Object[] {"host_key", "ssh-ed25519 not-base64"},
                new Object[] {
                    "private_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nnope\n-----END OPENSSH PRIVATE KEY-----"
                });
        for (Object[] bad : cases) {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) bad[0], bad[1]);
            if (bad[0].equals("private_key")) {
                body.remove("password");
            }
            Response refused = api.send(
                    TestApi.PLATFORM_KEY, "PUT", "/google-integration/feed-upload", TestApi.json(body), Map.of());
            assertThat(refused.status()).as(bad[0] + "=" + bad[1]).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo(bad[0]);
        }
        Map<String, Object> both = new HashMap<>(good);
        both.put("private_key", openSsh(ecKeyPair()));
        Response twoSecrets =
                api.send(TestApi.PLATFORM_KEY, "PUT", "/google-integration/feed-upload", TestApi.json(both), Map.of());
        assertThat(twoSecrets.status()).isEqualTo(422);
        assertThat(twoSecrets.body().get("errors").get(0).get("field").asString())
                .isEqualTo("password");

        TestApi.Tenant tenant = api.newTenant();
        assertThat(api.post(tenant.adminKey(), "/google-integration/feeds", fields())
                        .status())
                .isEqualTo(403);
        assertThat(api.send(tenant.adminKey(), "PUT", "/google-integration/feed-upload", TestApi.json(good), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(tenant.adminKey(), "/google-integration/feed-upload").status())
                .isEqualTo(403);
    }

    @Test
    void aRunWhileAnotherIsUnderWayIsAConflict() throws Exception {
        // Another node's run holds the installation's feed lock for its transaction; this one is refused.
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('reserva.google.feeds'))");
            }
            Response refused = api.post(TestApi.PLATFORM_KEY, "/google-integration/feeds", fields());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("conflict");
            other.rollback();
        }
        TestApi.expect(api.post(TestApi.PLATFORM_KEY, "/google-integration/feeds", fields()), 200);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String openSsh(KeyPair pair) throws Exception {
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, (OutputStream) out);
            return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
