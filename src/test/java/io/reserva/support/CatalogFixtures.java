package io.reserva.support;

import static io.reserva.support.TestApi.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a tenant's catalogue through the public API, as an integrator would. */
public final class CatalogFixtures {

    private final TestApi api;
    private final String key;

    public CatalogFixtures(TestApi api, String key) {
        this.api = api;
        this.key = key;
    }

    /** A service in Europe/Berlin unless the body names a zone. */
    public String service(Map<String, Object> body) {
        Map<String, Object> withZone = new LinkedHashMap<>(body);
        withZone.putIfAbsent("timezone", "Europe/Berlin");
        TestApi.Response created = api.post(key, "/reservation-services", withZone);
        TestApi.expect(created, 201);
        return created.get("id");
    }

    public String resource(String name, String type, Integer capacity) {
        return resource(fields("name", name, "resource_type", type, "capacity", capacity));
    }

    public String resource(Map<String, Object> body) {
        Map<String, Object> withZone = new LinkedHashMap<>(body);
        withZone.putIfAbsent("timezone", "Europe/Berlin");
        TestApi.Response created = api.post(key, "/reservation-resources", withZone);
        TestApi.expect(created, 201);
        return created.get("id");
    }

    public void link(String service, String resource, String mode) {
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-service-resources",
                        fields("service_id", service, "resource_id", resource, "assignment_mode", mode)),
                201);
    }

    public void week(String resource, List<Map<String, Object>> windows) {
        TestApi.Response replaced = api.put(
                key, "/reservation-resource-availability/week", fields("resource_id", resource, "windows", windows));
        TestApi.expect(replaced, 200);
    }

    /** Open every day of the week over the given hours. */
    public void everyDay(String resource, String start, String end) {
        week(
                resource,
                java.util.stream.IntStream.range(0, 7)
                        .mapToObj(day -> window(day, start, end))
                        .toList());
    }

    public static Map<String, Object> window(int day, String start, String end) {
        return fields("day_of_week", day, "start_time", start, "end_time", end);
    }
}
