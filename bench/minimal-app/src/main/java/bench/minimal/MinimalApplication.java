package bench.minimal;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick for Reserva's cost: one booking row into a table with the same kind of exclusion constraint
 * as {@code reservation_allocations}, answered 201 with the row, and a read of one row by id. No filters,
 * authentication or validation: what is left is the stack itself.
 */
@SpringBootApplication
public class MinimalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalApplication.class, args);
    }

    record NewBooking(UUID organizationId, UUID resourceId, Instant startDatetime, Instant endDatetime) {}

    record Booking(UUID id, UUID organizationId, UUID resourceId, Instant startDatetime, Instant endDatetime) {}

    @RestController
    @RequestMapping("/bookings")
    static class Bookings {

        private final JdbcClient jdbc;

        Bookings(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("create extension if not exists btree_gist").update();
            jdbc.sql("""
                    create table if not exists bookings (
                        id              uuid        primary key,
                        organization_id uuid        not null,
                        resource_id     uuid        not null,
                        start_datetime  timestamptz not null,
                        end_datetime    timestamptz not null,
                        constraint bookings_no_overlap exclude using gist
                            (organization_id with =, resource_id with =, tstzrange(start_datetime, end_datetime) with &&)
                    )""").update();
        }

        @PostMapping
        ResponseEntity<Booking> create(@RequestBody NewBooking request) {
            Booking booking = new Booking(
                    UUID.randomUUID(),
                    request.organizationId(),
                    request.resourceId(),
                    request.startDatetime(),
                    request.endDatetime());
            jdbc.sql("""
                    insert into bookings (id, organization_id, resource_id, start_datetime, end_datetime)
                    values (:id, :organization, :resource, :start, :end)""")
                    .param("id", booking.id())
                    .param("organization", booking.organizationId())
                    .param("resource", booking.resourceId())
                    .param("start", OffsetDateTime.ofInstant(booking.startDatetime(), ZoneOffset.UTC))
                    .param("end", OffsetDateTime.ofInstant(booking.endDatetime(), ZoneOffset.UTC))
                    .update();
            return ResponseEntity.created(URI.create("/bookings/" + booking.id())).body(booking);
        }

        @GetMapping("/{id}")
        ResponseEntity<Booking> read(@PathVariable UUID id) {
            return ResponseEntity.of(jdbc.sql("""
                    select id, organization_id, resource_id, start_datetime, end_datetime
                      from bookings where id = :id""")
                    .param("id", id)
                    .query((rs, row) -> new Booking(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organization_id", UUID.class),
                            rs.getObject("resource_id", UUID.class),
                            rs.getObject("start_datetime", OffsetDateTime.class).toInstant(),
                            rs.getObject("end_datetime", OffsetDateTime.class).toInstant()))
                    .optional());
        }
    }
}
