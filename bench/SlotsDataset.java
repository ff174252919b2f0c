import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the benchmark dataset into a running Reserva over its public API (JDK only, run with
 * {@code java bench/SlotsDataset.java BASE_URL PLATFORM_KEY}): one organization with 50 resources (44 tables of
 * 2 to 8 seats, 4 people, 2 rooms with 2 units), weekly hours on every day for each (lunch and a dinner
 * window that runs past midnight on Fridays and Saturdays), a restaurant service using any table, and
 * exceptions. The seed is fixed, so every run builds the same data. Prints "ORG SERVICE DATE".
 */
public class SlotsDataset {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String platformKey = args[1];
        Random random = new Random(20270328L);

        String org = id(post(base, platformKey, "/organizations",
                "{\"name\":\"Bench Trattoria\",\"timezone\":\"Europe/Madrid\",\"currency\":\"EUR\",\"country\":\"ES\"}"));
        String key = secret(post(base, platformKey, "/api-keys",
                "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"));

        String service = id(post(base, key, "/reservation-services",
                "{\"name\":\"Dinner\",\"duration_minutes\":90,\"slot_interval\":15,\"buffer_after_minutes\":15,"
                        + "\"max_party_size\":8,\"durations_by_party_size\":[{\"max_party_size\":2,\"duration_minutes\":90},"
                        + "{\"max_party_size\":4,\"duration_minutes\":120},{\"max_party_size\":8,\"duration_minutes\":150}]}"));

        List<String> tables = new ArrayList<>();
        int[] seats = {2, 2, 4, 4, 4, 6, 6, 8};
        for (int i = 0; i < 44; i++) {
            int capacity = seats[i % seats.length];
            tables.add(id(post(base, key, "/reservation-resources", "{\"name\":\"Table " + (i + 1)
                    + "\",\"resource_type\":\"table\",\"capacity\":" + capacity + "}")));
        }
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(id(post(base, key, "/reservation-resources",
                    "{\"name\":\"Waiter " + (i + 1) + "\",\"resource_type\":\"person\"}")));
        }
        for (int i = 0; i < 2; i++) {
            others.add(id(post(base, key, "/reservation-resources",
                    "{\"name\":\"Private room " + (i + 1) + "\",\"resource_type\":\"room\",\"capacity\":20,\"units\":2}")));
        }
        post(base, key, "/reservation-service-resources",
                "{\"service_id\":\"" + service + "\",\"resource_id\":\"" + tables.get(0) + "\",\"assignment_mode\":\"any_available\"}");

        List<String> all = new ArrayList<>(tables);
        all.addAll(others);
        for (String resource : all) {
            StringBuilder windows = new StringBuilder();
            for (int day = 0; day < 7; day++) {
                String dinnerEnd = day == 5 || day == 6 ? "02:00" : "23:30";
                String lunchStart = random.nextBoolean() ? "12:30" : "13:00";
                if (!windows.isEmpty()) {
                    windows.append(',');
                }
                windows.append("{\"day_of_week\":").append(day).append(",\"start_time\":\"").append(lunchStart)
                        .append("\",\"end_time\":\"16:00\"},{\"day_of_week\":").append(day)
                        .append(",\"start_time\":\"19:30\",\"end_time\":\"").append(dinnerEnd).append("\"}");
            }
            send(base, key, "PUT", "/reservation-resource-availability/week",
                    "{\"resource_id\":\"" + resource + "\",\"windows\":[" + windows + "]}");
        }
        LocalDate day = LocalDate.now().plusDays(7).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        for (int i = 0; i < 8; i++) {
            String resource = all.get(random.nextInt(all.size()));
            post(base, key, "/reservation-resource-exceptions", "{\"resource_id\":\"" + resource + "\",\"date\":\""
                    + day.plusDays(random.nextInt(56)) + "\",\"exception_type\":\"blocked\",\"reason\":\"bench\"}");
        }
        System.out.println(org + " " + service + " " + day + " " + key);
    }

    private static String post(String base, String key, String path, String body) throws Exception {
        return send(base, key, "POST", path, body);
    }

    private static String send(String base, String key, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return matcher.group(1);
    }

    private static String secret(String json) {
        Matcher matcher = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no secret in " + json);
        }
        return matcher.group(1);
    }
}
