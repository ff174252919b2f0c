package io.reserva.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import io.reserva.tenancy.DemoOrganizationCreated;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo organization gets a restaurant and a salon to book, as the README describes them. */
@IntegrationTest
class CatalogDemoIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Catalog catalog;

    @Test
    void theDemoOrganizationGetsARestaurantAndASalon() {
        Tenant tenant = new TestApi(port).newTenant();
        transactions.executeWithoutResult(status -> events.publishEvent(new DemoOrganizationCreated(tenant.id())));

        CatalogSnapshot demo = catalog.snapshot(tenant.id());

        Map<String, ReservationResource> resources =
                demo.resources().stream().collect(Collectors.toMap(ReservationResource::name, r -> r));
        assertThat(resources.keySet())
                .containsExactlyInAnyOrder(
                        "Table 1",
                        "Table 2",
                        "Table 3",
                        "Table 4",
                        "Table 5",
                        "Table 6",
                        "Ana",
                        "Bruno",
                        "Carla",
                        "Color room");
        assertThat(List.of(1, 2, 3, 4, 5, 6).stream()
                        .map(i -> resources.get("Table " + i))
                        .map(t -> t.resourceType() + " " + t.capacity() + "/" + t.minPartySize()))
                .containsExactly("table 2/1", "table 2/1", "table 4/3", "table 4/3", "table 6/5", "table 6/5");
        assertThat(resources.get("Ana").resourceType()).isEqualTo("person");
        assertThat(resources.get("Color room").resourceType()).isEqualTo("room");

        // Tables: Tue–Thu lunch and dinner, Fri–Sat dinner until 02:00, Sunday lunch only, closed on Monday.
        assertThat(week(demo, resources.get("Table 5").id()))
                .containsExactly(
                        "0 13:00-16:30",
                        "2 13:00-16:00",
                        "2 19:30-23:30",
                        "3 13:00-16:00",
                        "3 19:30-23:30",
                        "4 13:00-16:00",
                        "4 19:30-23:30",
                        "5 13:00-16:00",
                        "5 19:30-02:00",
                        "6 13:00-16:00",
                        "6 19:30-02:00");
        assertThat(week(demo, resources.get("Ana").id()))
                .containsExactly(
                        "1 09:00-18:00",
                        "2 09:00-18:00",
                        "3 09:00-18:00",
                        "4 09:00-18:00",
                        "5 09:00-18:00",
                        "6 09:00-18:00");
        assertThat(week(demo, resources.get("Carla").id())).hasSize(6).allMatch(w -> w.endsWith("10:00-19:00"));
        assertThat(week(demo, resources.get("Color room").id())).hasSize(6).allMatch(w -> w.endsWith("09:00-19:00"));
        assertThat(week(demo, null)).as("no business hours").isEmpty();

        ReservationService dinner = service(demo, "Dinner");
        assertThat(dinner.durationMinutes()).isEqualTo(90);
        assertThat(dinner.durationsByPartySize())
                .containsExactly(
                        new PartySizeDuration(2, 90),
                        new PartySizeDuration(4, 120),
                        new PartySizeDuration(6, 150),
                        new PartySizeDuration(12, 180));
        assertThat(dinner.durationFor(3)).isEqualTo(120);
        assertThat(List.of(dinner.slotInterval(), dinner.maxPartySize(), dinner.maxAdvanceDays()))
                .containsExactly(15, 12, 60);
        assertThat(dinner.pacing()).isEqualTo(new ServicePacing(15, 20, null, null));
        // Two pairs of tables join for parties of 7 to 12.
        assertThat(demo.combinations().stream()
                        .map(c -> c.name() + " " + c.minPartySize() + "-" + c.maxPartySize() + " "
                                + c.resourceIds().stream()
                                        .map(id ->
                                                demo.resource(id).orElseThrow().name())
                                        .toList()))
                .containsExactly("Tables 3 + 4 7-8 [Table 3, Table 4]", "Tables 5 + 6 9-12 [Table 5, Table 6]");
        // The floor has a dining room and a terrace; each combination stands wholly in one of them.
        assertThat(demo.areas().stream().map(ReservationArea::name)).containsExactly("Dining room", "Terrace");
        assertThat(IntStream.rangeClosed(1, 6)
                        .mapToObj(i -> demo.area(resources.get("Table " + i).areaId())
                                .orElseThrow()
                                .name())
                        .toList())
                .containsExactly("Dining room", "Terrace", "Dining room", "Dining room", "Terrace", "Terrace");
        // The terrace keeps hours of its own: dinner there ends at 23:00, also on Friday and Saturday.
        UUID terrace = resources.get("Table 2").areaId();
        assertThat(week(demo, null, terrace))
                .contains("2 19:30-23:00", "5 19:30-23:00", "6 19:30-23:00", "0 13:00-16:30")
                .hasSize(11);
        assertThat(dinner.minAdvanceHours()).isEqualTo(1);
        assertThat(dinner.bufferAfterMinutes()).isEqualTo(15);
        assertThat(links(demo, dinner)).containsExactly("any_available table");

        ReservationService cutAndColor = service(demo, "Cut & color");
        assertThat(List.of(
                        cutAndColor.durationMinutes(),
                        cutAndColor.bufferBeforeMinutes(),
                        cutAndColor.bufferAfterMinutes(),
                        cutAndColor.slotInterval(),
                        cutAndColor.maxPartySize()))
                .containsExactly(60, 10, 15, 30, 1);
        assertThat(links(demo, cutAndColor)).containsExactlyInAnyOrder("any_available person", "required room");

        ReservationService haircut = service(demo, "Haircut");
        assertThat(List.of(haircut.durationMinutes(), haircut.slotInterval(), haircut.maxPartySize()))
                .containsExactly(30, 15, 1);
        assertThat(links(demo, haircut)).containsExactly("any_available person");

        assertThat(demo.exceptions()).singleElement().satisfies(christmas -> {
            assertThat(christmas.resourceId()).isNull();
            assertThat(christmas.exceptionType()).isEqualTo(ExceptionType.BLOCKED);
            assertThat(christmas.isRecurringYearly()).isTrue();
            assertThat(christmas.reason()).isEqualTo("Christmas");
            assertThat(christmas.date().getMonthValue()).isEqualTo(12);
            assertThat(christmas.date().getDayOfMonth()).isEqualTo(25);
            assertThat(christmas.date()).isAfterOrEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")));
        });
    }

    @Test
    void christmasIsTheComingOne() {
        assertThat(DemoCatalog.nextChristmas(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2027, 12, 25));
        assertThat(DemoCatalog.nextChristmas(LocalDate.of(2027, 12, 25))).isEqualTo(LocalDate.of(2027, 12, 25));
        assertThat(DemoCatalog.nextChristmas(LocalDate.of(2027, 12, 26))).isEqualTo(LocalDate.of(2028, 12, 25));
    }

    private static List<String> week(CatalogSnapshot demo, UUID resource) {
        return week(demo, resource, null);
    }

    private static List<String> week(CatalogSnapshot demo, UUID resource, UUID area) {
        return demo.weeklyHours().stream()
                .filter(w -> java.util.Objects.equals(w.resourceId(), resource)
                        && java.util.Objects.equals(w.areaId(), area))
                .sorted(java.util.Comparator.comparingInt(AvailabilityWindow::dayOfWeek)
                        .thenComparing(AvailabilityWindow::startTime))
                .map(w -> w.dayOfWeek() + " " + time(w.startTime()) + "-" + time(w.endTime()))
                .toList();
    }

    private static String time(LocalTime time) {
        return time.toString();
    }

    private static ReservationService service(CatalogSnapshot demo, String name) {
        return demo.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    private static List<String> links(CatalogSnapshot demo, ReservationService service) {
        return demo.linksOf(service.id()).stream()
                .map(link -> link.assignmentMode().wire() + " "
                        + demo.resource(link.resourceId()).orElseThrow().resourceType())
                .toList();
    }
}
