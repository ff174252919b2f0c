package io.reserva.catalog;

import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;

import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Shortcuts for the catalog endpoints on top of {@link TestApi}: create a thing, read a list. */
final class CatalogApi {

    private final TestApi api;

    CatalogApi(TestApi api) {
        this.api = api;
    }

    String service(String key, String name) {
        return created(api.post(key, "/reservation-services", fields("name", name, "duration_minutes", 60)));
    }

    String resource(String key, String name, String type) {
        return created(api.post(key, "/reservation-resources", fields("name", name, "resource_type", type)));
    }

    String link(String key, String serviceId, String resourceId, String mode) {
        return created(api.post(
                key,
                "/reservation-service-resources",
                fields("service_id", serviceId, "resource_id", resourceId, "assignment_mode", mode)));
    }

    String window(String key, String resourceId, int day, String start, String end) {
        return created(api.post(
                key,
                "/reservation-resource-availability",
                fields("resource_id", resourceId, "day_of_week", day, "start_time", start, "end_time", end)));
    }

    String exception(String key, String resourceId, String date) {
        return created(api.post(
                key,
                "/reservation-resource-exceptions",
                fields("resource_id", resourceId, "date", date, "exception_type", "blocked", "reason", "Closed")));
    }

    /** The rows of a list (first page of up to 50). */
    List<JsonNode> list(String key, String pathAndQuery) {
        Response response = api.get(key, pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "$limit=50");
        expect(response, 200);
        List<JsonNode> rows = new ArrayList<>();
        response.body().get("data").forEach(rows::add);
        return rows;
    }

    List<String> ids(String key, String pathAndQuery) {
        return list(key, pathAndQuery).stream()
                .map(row -> row.get("id").asString())
                .toList();
    }

    static Map<String, Object> window(int day, String start, String end) {
        return fields("day_of_week", day, "start_time", start, "end_time", end);
    }

    private static String created(Response response) {
        expect(response, 201);
        return response.get("id");
    }
}
