package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.Ids;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A confirmation code already taken in the organization makes the one-statement insert store nothing at all,
 * neither the reservation nor its units, so the booking can draw another code and try again.
 */
@IntegrationTest
class ConfirmationCodeClashIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTakenCodeInsertsNothingAndAFreshOneGoesThrough() {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String service = catalog.service(fields("name", "Court", "duration_minutes", 60));
        String court = catalog.resource("Court 1", "room", null);
        catalog.link(service, court, "required");
        catalog.everyDay(court, "08:00", "20:00");
        Instant start = LocalDate.of(2027, 5, 3)
                .atTime(LocalTime.of(10, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant();
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", start.toString()));
        TestApi.expect(booked, 201);
        ReservationRow taken = reservations
                .find(tenant.id(), UUID.fromString(booked.get("id")))
                .orElseThrow();

        UUID id = Ids.newId();
        Instant later = start.plus(Duration.ofHours(3));
        List<AllocationRow> units = List.of(
                new AllocationRow(id, UUID.fromString(court), 0, "required", later, later.plus(Duration.ofHours(1))));
        assertThat(reservations.insertWithAllocations(copy(taken, id, later, taken.confirmationCode()), units))
                .isFalse();
        assertThat(reservations.find(tenant.id(), id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from reservation_allocations where reservation_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();

        assertThat(reservations.insertWithAllocations(copy(taken, id, later, "ZZZZ99"), units))
                .isTrue();
        assertThat(reservations.allocationsOf(tenant.id(), List.of(id)).get(id)).hasSize(1);
    }

    private static ReservationRow copy(ReservationRow row, UUID id, Instant start, String code) {
        return new ReservationRow(
                id,
                row.organizationId(),
                row.serviceId(),
                row.contactId(),
                row.partySize(),
                start,
                start.plus(Duration.ofHours(1)),
                start,
                start.plus(Duration.ofHours(1)),
                row.status(),
                row.source(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                row.customFieldsByKey(),
                code,
                null,
                null,
                null,
                null,
                false,
                null,
                row.createdAt(),
                row.updatedAt(),
                row.contact(),
                row.guest());
    }
}
