import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data for the Google feeds benchmark (bench/google-feeds.sh): MERCHANTS restaurants (default 100), each with an
 * address, a dinner service (90 to 150 minutes by party size, a start every 15 minutes, parties of 1 to 8), 10
 * tables open 12:00-16:00 and 19:00-23:30 every day, 40 reservations over the next 30 days, and its Google setting
 * enabled. Prints nothing but progress on stderr.
 *
 *   java bench/GoogleFeedsDataset.java http://localhost:18085 <platform key>
 */
public class GoogleFeedsDataset {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String platformKey = args[1];
        int merchants = Integer.getInteger("merchants", 100);
        Random random = new Random(20261201L);
        ZoneId zone = ZoneId.of("Europe/Madrid");
        for (int m = 0; m < merchants; m++) {
            String org = id(post(base, platformKey, "/organizations",
                    "{\"name\":\"Bench " + m + "\",\"timezone\":\"Europe/Madrid\",\"currency\":\"EUR\",\"country\":\"ES\","
                            + "\"address\":\"Calle Mayor " + (m + 1) + ", 28013 Madrid\",\"phone\":\"+34911234567\"}"));
            String key = secret(post(base, platformKey, "/api-keys",
                    "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"));
            String dinner = id(post(base, key, "/reservation-services",
                    "{\"name\":\"Dinner\",\"duration_minutes\":90,\"slot_interval\":15,\"max_party_size\":8,"
                            + "\"durations_by_party_size\":[{\"max_party_size\":2,\"duration_minutes\":90},"
                            + "{\"max_party_size\":4,\"duration_minutes\":120},{\"max_party_size\":8,\"duration_minutes\":150}]}"));
            List<String> tables = new ArrayList<>();
            int[] seats = {2, 2, 4, 4, 4, 6, 6, 8, 8, 4};
            for (int t = 0; t < seats.length; t++) {
                String table = id(post(base, key, "/reservation-resources", "{\"name\":\"Table " + (t + 1)
                        + "\",\"resource_type\":\"table\",\"capacity\":" + seats[t] + "}"));
                tables.add(table);
                if (t == 0) { // an any_available link stands for every table
                    post(base, key, "/reservation-service-resources", "{\"service_id\":\"" + dinner
                            + "\",\"resource_id\":\"" + table + "\",\"assignment_mode\":\"any_available\"}");
                }
                StringBuilder windows = new StringBuilder();
                for (int day = 0; day < 7; day++) {
                    if (!windows.isEmpty()) {
                        windows.append(',');
                    }
                    windows.append("{\"day_of_week\":").append(day)
                            .append(",\"start_time\":\"12:00\",\"end_time\":\"16:00\"},{\"day_of_week\":").append(day)
                            .append(",\"start_time\":\"19:00\",\"end_time\":\"23:30\"}");
                }
                send(base, key, "PUT", "/reservation-resource-availability/week",
                        "{\"resource_id\":\"" + table + "\",\"windows\":[" + windows + "]}");
            }
            send(base, key, "PUT", "/google-integration",
                    "{\"merchant_id\":\"bench-" + m + "\",\"enabled\":true,\"service_mappings\":"
                            + "[{\"google_service_id\":\"dinner\",\"service_id\":\"" + dinner + "\"}]}");
            int booked = 0;
            for (int attempt = 0; attempt < 200 && booked < 40; attempt++) {
                LocalDate date = LocalDate.now(zone).plusDays(1 + random.nextInt(29));
                String time = random.nextBoolean()
                        ? String.format("%02d:%02d", 12 + random.nextInt(3), 15 * random.nextInt(4))
                        : String.format("%02d:%02d", 19 + random.nextInt(3), 15 * random.nextInt(4));
                String start = date.atTime(java.time.LocalTime.parse(time)).atZone(zone).toInstant().toString();
                HttpResponse<String> response = request(base, key, "POST", "/reservations",
                        "{\"service_id\":\"" + dinner + "\",\"start_datetime\":\"" + start + "\",\"party_size\":"
                                + (1 + random.nextInt(6)) + "}");
                if (response.statusCode() < 300) {
                    booked++;
                }
            }
            System.err.println("merchant " + (m + 1) + "/" + merchants + ": " + booked + " reservations");
        }
    }

    private static String post(String base, String key, String path, String body) throws Exception {
        return send(base, key, "POST", path, body);
    }

    private static String send(String base, String key, String method, String path, String body) throws Exception {
        HttpResponse<String> response = request(base, key, method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> request(String base, String key, String method, String path, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
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
