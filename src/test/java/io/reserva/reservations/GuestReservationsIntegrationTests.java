package io.reserva.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.catalog.AvailabilityManagement;
import io.reserva.catalog.LinkManagement;
import io.reserva.catalog.NewAvailabilityWindow;
import io.reserva.catalog.NewReservationResource;
import io.reserva.catalog.NewReservationService;
import io.reserva.catalog.NewServiceResourceLink;
import io.reserva.catalog.ResourceManagement;
import io.reserva.catalog.ServiceManagement;
import io.reserva.contacts.ContactDetails;
import io.reserva.customfields.CustomFieldManagement;
import io.reserva.customfields.NewCustomField;
import io.reserva.reservations.GuestReservations.GuestConfirmation;
import io.reserva.reservations.GuestReservations.GuestHold;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.NewOrganization;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guest commands reservations publishes, on the reservations module and what it depends on (no web layer, no
 * webhooks): a guest's confirmation matches or creates the guest in its own transaction.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"database", "shared"})
@TestPropertySource(properties = {"reserva.database.embedded-ephemeral=true", "reserva.demo=false"})
class GuestReservationsIntegrationTests {

    // A Monday far enough ahead to be inside every booking window.
    static final Instant START = Instant.parse("2027-03-08T18:00:00Z");

    @Autowired
    GuestReservations guests;

    @Autowired
    OrganizationManagement organizations;

    @Autowired
    ServiceManagement services;

    @Autowired
    ResourceManagement resources;

    @Autowired
    LinkManagement links;

    @Autowired
    AvailabilityManagement hours;

    @Autowired
    CustomFieldManagement customFields;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    UUID organization;
    UUID service;

    @BeforeEach
    void setUp() {
        organization = organizations
                .create(
                        new Caller(null, null, Role.PLATFORM_ADMIN),
                        json.convertValue(
                                Map.of(
                                        "name", "Module venue " + UUID.randomUUID(),
                                        "timezone", "Europe/Berlin",
                                        "currency", "EUR",
                                        "country", "DE"),
                                NewOrganization.class))
                .id();
        Caller admin = new Caller(null, organization, Role.ADMIN);
        service = services.create(
                        admin,
                        json.convertValue(
                                Map.of("name", "Dinner", "duration_minutes", 90, "slot_interval", 30),
                                NewReservationService.class))
                .id();
        UUID table = resources
                .create(
                        admin,
                        json.convertValue(
                                Map.of("name", "Table 1", "resource_type", "table", "capacity", 4),
                                NewReservationResource.class))
                .id();
        links.create(
                admin,
                json.convertValue(
                        Map.of("service_id", service, "resource_id", table, "assignment_mode", "any_available"),
                        NewServiceResourceLink.class));
        for (int day = 0; day < 7; day++) {
            hours.create(
                    admin,
                    json.convertValue(
                            Map.of(
                                    "resource_id",
                                    table,
                                    "day_of_week",
                                    day,
                                    "start_time",
                                    "18:00",
                                    "end_time",
                                    "23:00"),
                            NewAvailabilityWindow.class));
        }
        customFields.create(
                admin,
                json.convertValue(
                        Map.of(
                                "entity_type",
                                "reservation",
                                "key",
                                "dietary",
                                "label",
                                "Dietary needs",
                                "field_type",
                                "text",
                                "is_required",
                                true),
                        NewCustomField.class));
    }

    @Test
    void aRefusedConfirmationLeavesNoGuestBehindAndTheHoldStands() {
        ReservationView held =
                guests.hold(organization, new GuestHold(service, 2, START, 10, ReservationSource.BOOKING_PAGE, null));
        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        ContactDetails ana = new ContactDetails("Ana", "García", "ana@example.com", null);

        assertThatThrownBy(() -> guests.confirmHold(organization, held.id(), new GuestConfirmation(ana, null, null)))
                .isInstanceOfSatisfying(
                        ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(contacts()).isZero();

        ReservationView booked = guests.confirmHold(
                organization, held.id(), new GuestConfirmation(ana, "window", Map.of("dietary", "vegan")));
        assertThat(booked.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(booked.contactId()).isNotNull();
        assertThat(booked.customerNotes()).isEqualTo("window");
        assertThat(contacts()).isEqualTo(1);

        ReservationView again = guests.confirmHold(organization, held.id(), new GuestConfirmation(ana, null, null));
        assertThat(again.status()).as("a repeated click: the booking stands").isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(again.updatedAt()).isEqualTo(booked.updatedAt());
    }

    private long contacts() {
        return jdbc.sql("select count(*) from contacts where organization_id = :org")
                .param("org", organization)
                .query(Long.class)
                .single();
    }
}
