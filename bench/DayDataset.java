import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the console's benchmark day into a running Reserva over its public API (JDK only, run with
 * {@code java bench/DayDataset.java BASE_URL PLATFORM_KEY}): one organization with 60 resources (56 tables,
 * 4 people) open 10:00 to 00:00 every day, a dinner service using any table, and 400 reservations on one day
 * a week ahead, each with a guest, spread over the tables (seven sittings of 90 minutes, staff placing each
 * party with assigned_resources). Prints "ORG DATE KEY".
 */
public class DayDataset {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String platformKey = args[1];
        String org = id(post(base, platformKey, "/organizations",
                "{\"name\":\"Bench Day\",\"timezone\":\"Europe/Madrid\",\"currency\":\"EUR\",\"country\":\"ES\"}"));
        String key = match(SECRET, post(base, platformKey, "/api-keys",
                "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"));
        String service = id(post(base, key, "/reservation-services",
                "{\"name\":\"Dinner\",\"duration_minutes\":90,\"slot_interval\":15,\"max_party_size\":8}"));
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean person = i >= 56;
            String resource = id(post(base, key, "/reservation-resources", "{\"name\":\"" + (person ? "Waiter " : "Table ")
                    + (i + 1) + "\",\"resource_type\":\"" + (person ? "person" : "table") + "\",\"capacity\":8}"));
            StringBuilder week = new StringBuilder();
            for (int day = 0; day < 7; day++) {
                week.append(day == 0 ? "" : ",").append("{\"day_of_week\":").append(day)
                        .append(",\"start_time\":\"10:00\",\"end_time\":\"00:00\"}");
            }
            send(base, key, "PUT", "/reservation-resource-availability/week",
                    "{\"resource_id\":\"" + resource + "\",\"windows\":[" + week + "]}");
            if (!person) {
                tables.add(resource);
            }
            if (i == 0) {
                // One any_available link stands for every table.
                post(base, key, "/reservation-service-resources", "{\"service_id\":\"" + service
                        + "\",\"resource_id\":\"" + resource + "\",\"assignment_mode\":\"any_available\"}");
            }
        }
        LocalDate date = LocalDate.now(ZONE).plusDays(7);
        int booked = 0;
        for (int sitting = 0; booked < 400; sitting++) {
            for (int t = 0; t < tables.size() && booked < 400; t++) {
                String start = date.atTime(LocalTime.of(10, 0).plusMinutes(105L * sitting)).atZone(ZONE).toInstant().toString();
                post(base, key, "/reservations", "{\"service_id\":\"" + service + "\",\"party_size\":" + (2 + booked % 5)
                        + ",\"start_datetime\":\"" + start + "\",\"override\":true,\"assigned_resources\":[\"" + tables.get(t)
                        + "\"],\"internal_notes\":\"Bench guest " + booked + "\",\"contact\":{\"first_name\":\"Guest\",\"last_name\":\""
                        + booked + "\",\"email\":\"guest" + booked + "@example.com\"}}");
                booked++;
            }
        }
        System.out.println(org + " " + date + " " + key);
    }

    private static String post(String base, String key, String path, String body) throws Exception {
        return send(base, key, "POST", path, body);
    }

    private static String send(String base, String key, String method, String path, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String body) {
        return match(ID, body);
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no match in " + body);
        }
        return matcher.group(1);
    }
}
