package io.reserva.catalog;

import io.reserva.shared.Patch;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.DemoOrganizationCreated;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo organization something to book: a restaurant (six tables, two combinations of them for parties
 * of 7 to 12, dinner with turn times by party size, late closing on Friday and Saturday) and a salon (three stylists and a colour room). It runs inside the
 * transaction that creates the organization, through the same services and checks as the API.
 */
@Component
class DemoCatalog {

    private static final Caller SYSTEM = new Caller(null, null, Role.PLATFORM_ADMIN);
    private static final int SUNDAY = 0;
    private static final int MONDAY = 1;
    private static final int TUESDAY = 2;
    private static final int THURSDAY = 4;
    private static final int FRIDAY = 5;
    private static final int SATURDAY = 6;

    private final ServiceManagement services;
    private final ResourceManagement resources;
    private final LinkManagement links;
    private final CombinationManagement combinations;
    private final AreaManagement areas;
    private final AvailabilityManagement weeklyHours;
    private final ExceptionManagement exceptions;
    private final OrganizationManagement organizations;
    private final Clock clock;

    DemoCatalog(
            ServiceManagement services,
            ResourceManagement resources,
            LinkManagement links,
            CombinationManagement combinations,
            AreaManagement areas,
            AvailabilityManagement weeklyHours,
            ExceptionManagement exceptions,
            OrganizationManagement organizations,
            Clock clock) {
        this.services = services;
        this.resources = resources;
        this.links = links;
        this.combinations = combinations;
        this.areas = areas;
        this.weeklyHours = weeklyHours;
        this.exceptions = exceptions;
        this.organizations = organizations;
        this.clock = clock;
    }

    @EventListener
    void on(DemoOrganizationCreated event) {
        fill(event.organizationId());
    }

    void fill(UUID organization) {
        restaurant(organization);
        salon(organization);
        ZoneId zone = ZoneId.of(organizations.find(organization).orElseThrow().timezone());
        exceptions.create(
                SYSTEM,
                new NewResourceException(
                        organization,
                        null,
                        null,
                        nextChristmas(LocalDate.now(clock.withZone(zone))),
                        ExceptionType.BLOCKED,
                        null,
                        null,
                        "Christmas",
                        true));
    }

    private void restaurant(UUID organization) {
        int[] seats = {2, 2, 4, 4, 6, 6};
        int[] smallestParty = {1, 1, 3, 3, 5, 5};
        List<Window> week = new ArrayList<>();
        for (int day = TUESDAY; day <= THURSDAY; day++) {
            week.add(new Window(day, "13:00", "16:00"));
            week.add(new Window(day, "19:30", "23:30"));
        }
        for (int day = FRIDAY; day <= SATURDAY; day++) {
            week.add(new Window(day, "13:00", "16:00"));
            week.add(new Window(day, "19:30", "02:00"));
        }
        week.add(new Window(SUNDAY, "13:00", "16:30"));
        UUID diningRoom = areas.create(
                        SYSTEM, new NewReservationArea(organization, "Dining room", "Inside, by the open kitchen"))
                .id();
        UUID terrace = areas.create(
                        SYSTEM, new NewReservationArea(organization, "Terrace", "Outdoor seating under the awning"))
                .id();
        // Tables 1, 3 and 4 stand in the dining room; 2, 5 and 6 on the terrace (so each combination is whole).
        UUID[] areaOf = {diningRoom, terrace, diningRoom, diningRoom, terrace, terrace};
        List<UUID> tables = new ArrayList<>();
        for (int i = 0; i < seats.length; i++) {
            UUID table = resource(organization, "Table " + (i + 1), "table", seats[i], smallestParty[i], areaOf[i]);
            hours(organization, table, week);
            tables.add(table);
        }
        // The terrace closes at 23:00 for the neighbours: the area's own hours, which its tables keep as well.
        areaHours(
                organization,
                terrace,
                week.stream()
                        .map(w -> w.start().equals("19:30") ? new Window(w.day(), "19:30", "23:00") : w)
                        .toList());
        UUID firstTable = tables.get(0);
        // Tables 3 and 4 stand side by side, and so do 5 and 6: parties of 7 to 12 sit at two of them.
        combinations.create(
                SYSTEM,
                new NewResourceCombination(organization, "Tables 3 + 4", List.of(tables.get(2), tables.get(3)), 7, 8));
        combinations.create(
                SYSTEM,
                new NewResourceCombination(organization, "Tables 5 + 6", List.of(tables.get(4), tables.get(5)), 9, 12));
        ReservationService dinner = services.create(
                SYSTEM,
                service(
                        organization,
                        "Dinner",
                        "A table for dinner; larger parties stay longer",
                        90,
                        0,
                        15,
                        15,
                        12,
                        List.of(
                                new PartySizeDuration(2, 90),
                                new PartySizeDuration(4, 120),
                                new PartySizeDuration(6, 150),
                                new PartySizeDuration(12, 180)),
                        60,
                        1,
                        null,
                        // The kitchen plates at most 20 guests starting in any quarter hour.
                        new ServicePacing(15, 20, null, null)));
        link(organization, dinner.id(), firstTable, AssignmentMode.ANY_AVAILABLE);
    }

    private void salon(UUID organization) {
        List<Window> nineToSix = mondayToSaturday("09:00", "18:00");
        UUID ana = resource(organization, "Ana", "person", null, null);
        hours(organization, ana, nineToSix);
        UUID bruno = resource(organization, "Bruno", "person", null, null);
        hours(organization, bruno, nineToSix);
        UUID carla = resource(organization, "Carla", "person", null, null);
        hours(organization, carla, mondayToSaturday("10:00", "19:00"));
        UUID colorRoom = resource(organization, "Color room", "room", null, null);
        hours(organization, colorRoom, mondayToSaturday("09:00", "19:00"));

        ReservationService cutAndColor = services.create(
                SYSTEM,
                service(
                        organization,
                        "Cut & color",
                        "Cut, colour and blow-dry with one of our stylists",
                        60,
                        10,
                        15,
                        30,
                        1,
                        List.of(),
                        null,
                        0,
                        new BigDecimal("65.00"),
                        null));
        link(organization, cutAndColor.id(), ana, AssignmentMode.ANY_AVAILABLE);
        link(organization, cutAndColor.id(), colorRoom, AssignmentMode.REQUIRED);
        ReservationService haircut = services.create(
                SYSTEM,
                service(
                        organization,
                        "Haircut",
                        "Wash, cut and style",
                        30,
                        0,
                        0,
                        15,
                        1,
                        List.of(),
                        null,
                        0,
                        new BigDecimal("25.00"),
                        null));
        link(organization, haircut.id(), ana, AssignmentMode.ANY_AVAILABLE);
    }

    /** The coming 25 December: this year's unless it has passed. */
    static LocalDate nextChristmas(LocalDate today) {
        LocalDate christmas = MonthDay.of(12, 25).atYear(today.getYear());
        return christmas.isBefore(today) ? christmas.plusYears(1) : christmas;
    }

    private UUID resource(UUID organization, String name, String type, Integer capacity, Integer minPartySize) {
        return resource(organization, name, type, capacity, minPartySize, null);
    }

    private UUID resource(
            UUID organization, String name, String type, Integer capacity, Integer minPartySize, UUID area) {
        return resources
                .create(
                        SYSTEM,
                        new NewReservationResource(
                                organization, name, null, type, capacity, minPartySize, 1, null, null, true, area))
                .id();
    }

    private void hours(UUID organization, UUID resource, List<Window> week) {
        weeklyHours.replaceWeek(
                SYSTEM,
                new Patch<>(
                        new WeekReplacement(organization, resource, null, weekWindows(week)),
                        Set.of("organization_id", "resource_id", "windows")));
    }

    private void areaHours(UUID organization, UUID area, List<Window> week) {
        weeklyHours.replaceWeek(
                SYSTEM,
                new Patch<>(
                        new WeekReplacement(organization, null, area, weekWindows(week)),
                        Set.of("organization_id", "area_id", "windows")));
    }

    private static List<WeekReplacement.WeekWindow> weekWindows(List<Window> week) {
        return week.stream()
                .map(w -> new WeekReplacement.WeekWindow(w.day(), LocalTime.parse(w.start()), LocalTime.parse(w.end())))
                .toList();
    }

    private void link(UUID organization, UUID service, UUID resource, AssignmentMode mode) {
        links.create(SYSTEM, new NewServiceResourceLink(organization, service, resource, mode, 1));
    }

    private static List<Window> mondayToSaturday(String start, String end) {
        List<Window> week = new ArrayList<>();
        for (int day = MONDAY; day <= SATURDAY; day++) {
            week.add(new Window(day, start, end));
        }
        return week;
    }

    private static NewReservationService service(
            UUID organization,
            String name,
            String description,
            int duration,
            int bufferBefore,
            int bufferAfter,
            int slotInterval,
            int maxPartySize,
            List<PartySizeDuration> turnTimes,
            Integer maxAdvanceDays,
            int minAdvanceHours,
            BigDecimal price,
            ServicePacing pacing) {
        return new NewReservationService(
                organization,
                name,
                description,
                duration,
                bufferBefore,
                bufferAfter,
                slotInterval,
                null,
                maxPartySize,
                1,
                turnTimes,
                Seating.SEPARATE,
                null,
                price,
                null,
                maxAdvanceDays,
                minAdvanceHours,
                false,
                true,
                null,
                true,
                true,
                null,
                null,
                null,
                pacing,
                null);
    }

    private record Window(int day, String start, String end) {}
}
