package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's custom fields and a person's own column, in Chromium: the reservation's fields edited in the
 * edit dialog and the guest's in the guest card, a refusal shown at its field with what was typed kept; a staff
 * member whose `person` resource names them opens on their own column (and list) and switches to everyone by
 * keyboard.
 */
@IntegrationTest
class ConsoleCustomFieldsBrowserIntegrationTests extends ConsoleBrowser {

    @Test
    void customFieldsAreEditedInTheEditDialogAndTheGuestCardWithRefusalsAtTheField() {
        define("reservation", "occasion", "Occasion", "select", List.of("birthday", "anniversary"));
        define("reservation", "cake_message", "Cake message", "text", null);
        define("contact", "allergies", "Allergies", "multiselect", List.of("nuts", "shellfish", "gluten"));
        define("contact", "second_phone", "Second phone", "phone", null);
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String contact = api.get(tenant.adminKey(), "/reservations/" + ana).get("contact_id");

        open(1280, 900);
        signIn(adminEmail);
        goToDay("timeline");
        assertThat(page.locator("#own-column").count())
                .as("no column of one's own without a resource that names the user")
                .isZero();
        goToDay("list");
        row(ana).locator("button.guest").click();
        page.click("#edit-reservation");
        page.waitForSelector("#edit-cf-occasion");
        page.selectOption("#edit-cf-occasion", "birthday");
        // A text longer than the API takes: refused at the field, nothing typed is lost.
        String tooLong = "x".repeat(1001);
        page.fill("#edit-cf-cake_message", tooLong);
        tab.expectFailure(422, "PATCH", "/reservations/" + ana);
        page.click("#edit-save");
        page.waitForSelector("#edit-cf-cake_message[aria-invalid=true]");
        assertThat(page.locator("#edit-cf-cake_message-error").textContent()).contains("1000 characters");
        assertThat(page.inputValue("#edit-cf-cake_message")).isEqualTo(tooLong);
        assertThat(page.locator("#edit-error").textContent()).contains("correct the fields");
        assertThat((Boolean) page.evaluate("document.activeElement.id === 'edit-cf-cake_message'"))
                .as("focus on the refused field")
                .isTrue();
        assertAccessible("edit dialog with a refused custom field");
        page.fill("#edit-cf-cake_message", "");
        page.keyboard().type("Happy 40th");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            screenshot("edit-custom-fields-" + size[0]);
        }
        page.setViewportSize(1280, 900);
        page.focus("#edit-save");
        page.keyboard().press("Enter");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var values =
                    api.get(tenant.adminKey(), "/reservations/" + ana).body().get("custom_fields_by_key");
            assertThat(text(values, "occasion")).isEqualTo("birthday");
            assertThat(text(values, "cake_message")).isEqualTo("Happy 40th");
        });

        // The values are on the reservation's card; the guest's own fields are in the guest card.
        page.waitForSelector(
                "dialog[open]",
                new com.microsoft.playwright.Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        row(ana).locator("button.guest").click();
        page.waitForSelector("dialog[open] dd:has-text('Happy 40th')");
        assertThat(page.locator("dialog[open] .facts").textContent()).contains("Occasion", "birthday");
        page.click("#open-guest-card");
        page.waitForSelector("#guest-cf-second_phone");
        page.check("#guest-cf-allergies-0");
        page.fill("#guest-cf-second_phone", "12");
        tab.expectFailure(422, "PATCH", "/contacts/" + contact);
        page.click("#guest-save");
        page.waitForSelector("#guest-cf-second_phone[aria-invalid=true]");
        assertThat(page.locator("#guest-cf-second_phone-error").textContent()).contains("phone number");
        assertThat(page.inputValue("#guest-cf-second_phone")).isEqualTo("12");
        assertThat(page.isChecked("#guest-cf-allergies-0")).isTrue();
        assertAccessible("guest card with a refused custom field");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            screenshot("guest-custom-fields-" + size[0]);
        }
        page.fill("#guest-cf-second_phone", "+34 612 345 678");
        page.focus("#guest-cf-allergies-2");
        page.keyboard().press("Space");
        page.click("#guest-save");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var values =
                    api.get(tenant.adminKey(), "/contacts/" + contact).body().get("custom_fields_by_key");
            assertThat(text(values, "second_phone")).isEqualTo("+34612345678");
            assertThat(String.valueOf(values.get("allergies"))).isEqualTo("[\"nuts\",\"gluten\"]");
        });
        assertNoErrors();
    }

    @Test
    void aRequiredFieldIsFilledInWhenBookingAndSeatingAWalkInWithTheRefusalAtTheField() {
        defineRequired("reservation", "dietary", "Dietary needs", "text");
        open(1280, 900);
        signIn(adminEmail);
        goToDay("list");

        page.click("#new-reservation");
        page.waitForSelector("#new-cf-dietary");
        assertThat(page.getAttribute("#new-cf-dietary", "aria-required")).isEqualTo("true");
        assertThat(page.locator("label[for=new-cf-dietary]").textContent()).isEqualTo("Dietary needs *");
        page.fill("#new-party", "2");
        page.click("#find-times");
        page.waitForSelector("#new-slots button.slot");
        page.locator("#new-slots button.slot").first().click();
        page.fill("#new-first-name", "Eva");
        page.fill("#new-email", "eva-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        // Left empty: the API refuses the booking, and says so at the field, not only at the top.
        tab.expectFailure(422, "POST", "/reservations");
        page.click("#new-book");
        page.waitForSelector("#new-cf-dietary[aria-invalid=true]");
        assertThat(page.locator("#new-cf-dietary-error").textContent()).contains("is required");
        assertThat(page.locator("#new-error").textContent()).contains("correct the fields");
        assertThat((Boolean) page.evaluate("document.activeElement.id === 'new-cf-dietary'"))
                .as("focus on the refused field")
                .isTrue();
        assertThat(page.inputValue("#new-first-name"))
                .as("what was typed stays")
                .isEqualTo("Eva");
        assertAccessible("new reservation with a refused required field");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            screenshot("new-custom-fields-" + size[0]);
        }
        page.setViewportSize(1280, 900);
        page.fill("#new-cf-dietary", "No shellfish");
        page.click("#new-book");
        page.waitForSelector("#reservation-list tr:has-text('Eva')");
        JsonAssert booked = JsonAssert.of(api.get(tenant.adminKey(), "/reservations?date=" + day));
        assertThat(booked.body().get("data")).hasSize(1);
        assertThat(booked.body()
                        .get("data")
                        .get(0)
                        .get("custom_fields_by_key")
                        .get("dietary")
                        .asString())
                .isEqualTo("No shellfish");

        // A walk-in is a reservation too: the same field, the same refusal at it.
        page.navigate(api.base() + "/console");
        page.waitForSelector("#reservation-list");
        page.click("#walk-in");
        page.waitForSelector("#walk-cf-dietary");
        page.selectOption("#walk-table", table3);
        page.click("#walk-seat");
        page.waitForSelector("#walk-cf-dietary[aria-invalid=true]");
        assertThat(page.locator("#walk-cf-dietary-error").textContent()).contains("is required");
        assertThat(api.get(tenant.adminKey(), "/reservations?source=walk_in")
                        .body()
                        .get("data"))
                .as("nothing booked on a refusal")
                .isEmpty();
        screenshot("walk-in-custom-fields-1280");
        page.fill("#walk-cf-dietary", "Vegan");
        page.click("#walk-seat");
        page.waitForSelector("#reservation-list tr[data-status=seated]");
        var walkIns = api.get(tenant.adminKey(), "/reservations?source=walk_in")
                .body()
                .get("data");
        assertThat(walkIns).hasSize(1);
        assertThat(walkIns.get(0).get("custom_fields_by_key").get("dietary").asString())
                .isEqualTo("Vegan");
        assertThat(walkIns.get(0).get("status").asString()).isEqualTo("seated");
        assertNoErrors();
    }

    @Test
    void aPersonsConsoleOpensOnTheirOwnColumnWithASwitchToEveryone() {
        String email = "stylist-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String userId = user(email, "staff");
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String haircut = catalog.service(fields("name", "Haircut", "duration_minutes", 45, "slot_interval", 15));
        String marta =
                catalog.resource(fields("name", "Marta", "resource_type", "person", "capacity", 1, "user_id", userId));
        catalog.link(haircut, marta, "required");
        catalog.everyDay(marta, "09:00", "20:00");
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        haircut,
                        "party_size",
                        1,
                        "start_datetime",
                        day.atTime(18, 0).atZone(BERLIN).toInstant().toString(),
                        "override",
                        true,
                        "contact",
                        fields("first_name", "Pia", "last_name", "Guest", "phone", "+34 612 000 111")));
        TestApi.expect(booked, 201);
        String pia = booked.get("id");
        String theo = book(LocalTime.of(19, 0), 2, table1, "Theo");

        open(1280, 900);
        signIn(email);
        // No layout in the address: the console chooses, and for a person with a column it is the timeline.
        page.navigate(api.base() + "/console?date=" + day);
        page.waitForSelector("#timeline .tl-row[data-resource='" + marta + "']");
        assertThat(page.url()).as("the timeline is where a person's day opens").contains("view=timeline");
        assertThat(page.getAttribute("#own-column", "aria-pressed")).isEqualTo("true");
        assertThat(page.locator(".tl-row[data-resource='" + marta + "'] .tile[data-reservation='" + pia + "']")
                        .count())
                .isEqualTo(1);
        assertThat(page.locator(".tl-row[data-resource='" + table1 + "']").count())
                .as("other lanes hidden")
                .isZero();
        assertThat(page.locator(".tl-row[data-resource='']").count()).isZero();
        assertAccessible("own column");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            screenshot("own-column-" + size[0]);
        }

        page.focus("#all-columns");
        page.keyboard().press("Enter");
        page.waitForSelector(".tl-row[data-resource='" + table1 + "']");
        assertThat(page.getAttribute("#all-columns", "aria-pressed")).isEqualTo("true");
        assertThat((Boolean) page.evaluate("document.activeElement.id === 'all-columns'"))
                .as("focus stays on the switch")
                .isTrue();
        assertThat(page.locator(".tl-row[data-resource='']").count()).isEqualTo(1);
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Enter");
        page.waitForSelector(
                ".tl-row[data-resource='" + table1 + "']",
                new com.microsoft.playwright.Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(page.getAttribute("#own-column", "aria-pressed")).isEqualTo("true");

        // The list follows the same choice: the reservations of one's own column, then everyone's.
        goToDay("list");
        page.waitForSelector("#reservation-list tr[data-reservation='" + pia + "']");
        assertThat(page.textContent("#own-column")).isEqualTo("My bookings");
        assertThat(page.getAttribute("#own-column", "aria-pressed")).isEqualTo("true");
        assertThat(page.locator("#reservation-list tr[data-reservation='" + theo + "']")
                        .count())
                .as("a table's reservation is not in a stylist's own list")
                .isZero();
        screenshot("own-list-375");
        page.focus("#all-columns");
        page.keyboard().press("Enter");
        page.waitForSelector("#reservation-list tr[data-reservation='" + theo + "']");
        assertThat(page.locator("#reservation-list tr[data-reservation='" + pia + "']")
                        .count())
                .isEqualTo(1);
        assertAccessible("own list, everyone");
        assertNoErrors();
    }

    /** A field's text, or null while it is not there yet (a condition still waited for, not an error). */
    private static String text(tools.jackson.databind.JsonNode values, String key) {
        return values != null && values.has(key) ? values.get(key).asString() : null;
    }

    private void defineRequired(String entity, String key, String label, String type) {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/custom-fields",
                        fields(
                                "entity_type",
                                entity,
                                "key",
                                key,
                                "label",
                                label,
                                "field_type",
                                type,
                                "is_required",
                                true)),
                201);
    }

    private void define(String entity, String key, String label, String type, List<String> options) {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/custom-fields",
                        fields(
                                "entity_type",
                                entity,
                                "key",
                                key,
                                "label",
                                label,
                                "field_type",
                                type,
                                "options",
                                options)),
                201);
    }
}
