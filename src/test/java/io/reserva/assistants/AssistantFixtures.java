package io.reserva.assistants;

import static io.reserva.support.TestApi.fields;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.util.List;

/** A tenant with a bookable dinner service (one table, open 18:00–23:00 every day) and assistants for it. */
final class AssistantFixtures {

    // A Monday far enough ahead to be inside every booking window.
    static final LocalDate DAY = LocalDate.of(2027, 3, 8);

    final TestApi api;
    final Tenant tenant;
    final String service;
    final String table;

    AssistantFixtures(TestApi api) {
        this.api = api;
        this.tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        this.service = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "max_party_size", 4));
        this.table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "any_available");
        catalog.everyDay(table, "18:00", "23:00");
    }

    /** A new assistant with these tools: its id and its key. */
    record Assistant(String id, String key) {}

    Assistant assistant(List<String> tools) {
        Response created = api.post(
                tenant.adminKey(),
                "/ai-assistants",
                fields("name", "Concierge", "instructions", "Be kind", "internal_tools", fields("tools", tools)));
        TestApi.expect(created, 201);
        return new Assistant(created.get("id"), created.get("secret"));
    }

    void setTools(String assistantId, List<String> tools) {
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/ai-assistants/" + assistantId,
                        fields("internal_tools", fields("tools", tools))),
                200);
    }

    static List<String> allTools() {
        return List.of(
                "find_reservations",
                "create_reservation",
                "update_reservation",
                "get_reservation_services",
                "get_available_slots");
    }
}
