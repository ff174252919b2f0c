package io.reserva.uploads;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /s3-url-signing, then the PUT to the signed URL and the GET of the public URL, over HTTP. */
@IntegrationTest
class UploadIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    @Test
    void aLogoMakesTheRoundTrip() throws Exception {
        Response signed = sign("booking-link-logo", "logo.png", "image/png");
        TestApi.expect(signed, 200);
        assertThat(signed.get("method")).isEqualTo("PUT");
        assertThat(signed.body().get("headers").get("Content-Type").asString()).isEqualTo("image/png");
        String publicUrl = signed.get("public_url");
        assertThat(publicUrl)
                .startsWith(api.base() + "/uploads/" + tenant.id() + "/booking-link-logo/")
                .endsWith(".png");
        byte[] image = Images.png(3 * 1024 * 1024); // larger than the 1 MB JSON body limit
        assertThat(put(signed.get("signed_url"), "image/png", image).statusCode())
                .isEqualTo(200);

        HttpResponse<byte[]> read = http.send(
                HttpRequest.newBuilder(URI.create(publicUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(image);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // The uploaded logo goes on a booking link.
        Response link = api.post(
                tenant.adminKey(),
                "/reservation-booking-links",
                fields("name", "Page", "slug", "page", "page_config", fields("logo_url", publicUrl)));
        TestApi.expect(link, 201);
    }

    @Test
    void aTamperedOrForeignSignatureIs403AndStoresNothing() throws Exception {
        Response signed = sign("reservation-service-image", "dish.jpg", "image/jpeg");
        String url = signed.get("signed_url");
        String tampered = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> refused = put(tampered, "image/jpeg", Images.jpeg(500));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("invalid_signature");
        Tenant other = api.newTenant();
        String moved = url.replace(tenant.id().toString(), other.id().toString());
        assertThat(put(moved, "image/jpeg", Images.jpeg(500)).statusCode()).isEqualTo(403);
        assertThat(get(signed.get("public_url"))).isEqualTo(404);
        assertThat(get(signed.get("public_url")
                        .replace(tenant.id().toString(), other.id().toString())))
                .isEqualTo(404);
    }

    @Test
    void wrongTypesAndOversizedFilesAreRefusedAndStoreNothing() throws Exception {
        Response signed = sign("booking-link-cover", "cover.webp", "image/webp");
        String url = signed.get("signed_url");
        assertThat(put(url, "image/png", Images.webp(100)).statusCode()).isEqualTo(415);
        assertThat(put(url, "image/webp", Images.gif()).statusCode()).isEqualTo(415);
        assertThat(put(url, "image/webp", Images.webp(5 * 1024 * 1024 + 1)).statusCode())
                .isEqualTo(413);
        assertThat(put(url, "image/webp", Images.webp(7 * 1024 * 1024)).statusCode())
                .isEqualTo(413);
        assertThat(get(signed.get("public_url"))).isEqualTo(404);
    }

    @Test
    void signingChecksWhatIsAskedFor() {
        Response gif = sign("booking-link-logo", "logo.gif", "image/gif");
        assertThat(gif.status()).isEqualTo(422);
        assertThat(gif.body().get("errors").get(0).get("field").asString()).isEqualTo("content_type");
        Response svg = sign("booking-link-logo", "logo.svg", "image/svg+xml");
        assertThat(svg.status()).isEqualTo(422);
        Response mismatch = sign("booking-link-logo", "logo.jpg", "image/png");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body().get("errors").get(0).get("field").asString()).isEqualTo("file_name");
        Response big = api.post(
                tenant.adminKey(),
                "/s3-url-signing",
                fields(
                        "type",
                        "booking-link-logo",
                        "file_name",
                        "a.png",
                        "content_type",
                        "image/png",
                        "file_size",
                        5 * 1024 * 1024 + 1));
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body().get("errors").get(0).get("field").asString()).isEqualTo("file_size");
        Response type = sign("avatar", "a.png", "image/png");
        assertThat(type.status()).isIn(400, 422);
        assertThat(type.text()).contains("type");
        Response missing = api.post(tenant.adminKey(), "/s3-url-signing", fields("file_name", "a.png"));
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void signingNeedsAKeyOfTheOrganization() {
        Response anonymous = api.post(
                null,
                "/s3-url-signing",
                fields("type", "booking-link-logo", "file_name", "a.png", "content_type", "image/png"));
        assertThat(anonymous.status()).isEqualTo(401);
        Tenant other = api.newTenant();
        Response foreign = api.post(
                tenant.adminKey(),
                "/s3-url-signing",
                fields(
                        "organization_id",
                        other.id(),
                        "type",
                        "booking-link-logo",
                        "file_name",
                        "a.png",
                        "content_type",
                        "image/png"));
        assertThat(foreign.status()).isEqualTo(404);
        String readOnly = api.newKey(tenant, "read_only");
        assertThat(api.post(
                                readOnly,
                                "/s3-url-signing",
                                fields("type", "booking-link-logo", "file_name", "a.png", "content_type", "image/png"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyWellFormedUploadPathsAreServed() throws Exception {
        assertThat(get(api.base() + "/uploads/" + tenant.id() + "/booking-link-logo/" + UUID.randomUUID() + ".png"))
                .isEqualTo(404);
        assertThat(get(api.base() + "/uploads/" + tenant.id() + "/booking-link-logo/..%2F..%2Fplatform-admin.key"))
                .isIn(400, 404);
    }

    private Response sign(String type, String fileName, String contentType) {
        return api.post(
                tenant.adminKey(),
                "/s3-url-signing",
                Map.of("type", type, "file_name", fileName, "content_type", contentType));
    }

    private HttpResponse<String> put(String url, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
