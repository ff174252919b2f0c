package io.reserva.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.reservations.ReservationStatus;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests by proto3's JSON rules, and Google's status words. */
class ProtoJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void int64IsAStringOfDigitsOrAJsonInteger() {
        JsonNode node = ProtoJson.parse(
                JSON,
                "{\"a\": \"1806519600\", \"b\": 1806519600, \"c\": \"-5\", \"d\": 1.5, \"e\": \"12x\","
                        + " \"f\": \"99999999999999999999\", \"g\": true}");
        ProtoJson reader = new ProtoJson();
        assertThat(reader.int64(node, "a", "a", true)).isEqualTo(1_806_519_600L);
        assertThat(reader.int64(node, "b", "b", true)).isEqualTo(1_806_519_600L);
        assertThat(reader.int64(node, "c", "c", true)).isEqualTo(-5L);
        reader.throwIfInvalid();
        for (String bad : new String[] {"d", "e", "f", "g"}) {
            ProtoJson strict = new ProtoJson();
            assertThat(strict.int64(node, bad, bad, true)).as(bad).isNull();
            assertThatThrownBy(strict::throwIfInvalid).as(bad).isInstanceOfSatisfying(ReservaException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.errors().get(0).field()).isEqualTo(bad);
            });
        }
    }

    @Test
    void camelCaseNamesAreAcceptedNullIsAbsentAndUnknownFieldsAreIgnored() {
        JsonNode node = ProtoJson.parse(
                JSON, "{\"startSec\": \"42\", \"merchant_id\": null, \"some_future_field\": {\"x\": 1}}");
        ProtoJson reader = new ProtoJson();
        assertThat(reader.int64(node, "start_sec", "start_sec", true)).isEqualTo(42L);
        assertThat(reader.string(node, "merchant_id", "merchant_id", false, 10)).isNull();
        reader.throwIfInvalid();
        reader.string(node, "merchant_id", "merchant_id", true, 10);
        assertThatThrownBy(reader::throwIfInvalid).hasMessageContaining("merchant_id is required");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        JsonNode node = ProtoJson.parse(JSON, "{\"slot\": [], \"party\": 3000000000, \"name\": 7}");
        ProtoJson reader = new ProtoJson();
        reader.message(node, "slot", "slot", true);
        reader.int32(node, "party", "party", true);
        reader.string(node, "name", "name", true, 10);
        reader.bool(node, "name", "flag");
        assertThatThrownBy(reader::throwIfInvalid)
                .isInstanceOfSatisfying(
                        ReservaException.class,
                        e -> assertThat(e.errors())
                                .extracting(error -> error.field())
                                .containsExactly("slot", "party", "name", "flag"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsMalformed() {
        for (String body : new String[] {"[1]", "\"text\"", "{\"a\": ", "{\"a\": 1, \"a\": 2}"}) {
            assertThatThrownBy(() -> ProtoJson.parse(
                            JsonMapper.builder()
                                    .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .build(),
                            body))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        }
        assertThat(ProtoJson.parse(JSON, "").isObject())
                .as("an empty body is an empty message")
                .isTrue();
    }

    @Test
    void ourStatusesInGooglesWords() {
        assertThat(BookingServer.statusOf(ReservationStatus.PENDING)).isEqualTo("PENDING_MERCHANT_CONFIRMATION");
        assertThat(BookingServer.statusOf(ReservationStatus.CONFIRMED)).isEqualTo("CONFIRMED");
        assertThat(BookingServer.statusOf(ReservationStatus.SEATED)).isEqualTo("CONFIRMED");
        assertThat(BookingServer.statusOf(ReservationStatus.COMPLETED)).isEqualTo("CONFIRMED");
        assertThat(BookingServer.statusOf(ReservationStatus.CANCELLED)).isEqualTo("CANCELED");
        assertThat(BookingServer.statusOf(ReservationStatus.NO_SHOW)).isEqualTo("NO_SHOW");
        assertThat(BookingServer.statusOf(ReservationStatus.EXPIRED)).isEqualTo("FAILED");
    }
}
