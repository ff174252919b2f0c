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
 * 2 to 8 seats, each two identical tables as 2 units, 4 people, 2 rooms), weekly hours on every day (lunch
 * and a dinner window that runs past midnight on Fridays and Saturdays), dinner and lunch services using any
 * table, exceptions, and 10,000 reservations over 28 days booked through POST /reservations. The seed is fixed.
 * Prints "ORG SERVICE DATE KEY".
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
        String lunch = id(post(base, key, "/reservation-services",
                "{\"name\":\"Lunch\",\"duration_minutes\":60,\"slot_interval\":15,\"max_party_size\":8}"));

        List<String> tables = new ArrayList<>();
        int[] seats = {2, 2, 4, 4, 4, 6, 6, 8};
        for (int i = 0; i < 44; i++) {
            int capacity = seats[i % seats.length];
            tables.add(id(post(base, key, "/reservation-resources", "{\"name\":\"Tables " + (i + 1)
                    + "\",\"resource_type\":\"table\",\"capacity\":" + capacity + ",\"units\":2}")));
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
        for (String linked : List.of(service, lunch)) {
            post(base, key, "/reservation-service-resources", "{\"service_id\":\"" + linked + "\",\"resource_id\":\""
                    + tables.get(0) + "\",\"assignment_mode\":\"any_available\"}");
        }

        List<String> all = new ArrayList<>(tables);
        all.addAll(others);
        for (String resource : all) {
            StringBuilder windows = new StringBuilder();
            for (int day = 0; day < 7; day++) {
                String dinnerEnd = day == 5 || day == 6 ? "02:00" : "23:30";
                String lunchStart = random.nextBoolean() ? "12:00" : "12:30";
                if (!windows.isEmpty()) {
                    windows.append(',');
                }
                windows.append("{\"day_of_week\":").append(day).append(",\"start_time\":\"").append(lunchStart)
                        .append("\",\"end_time\":\"16:00\"},{\"day_of_week\":").append(day)
                        .append(",\"start_time\":\"19:00\",\"end_time\":\"").append(dinnerEnd).append("\"}");
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
        int booked = book(base, key, service, lunch, day, Integer.getInteger("bookings", 10_000));
        System.err.println("booked " + booked + " reservations over 28 days from " + day);
        System.out.println(org + " " + service + " " + day + " " + key);
    }

    /** Books until {@code target} reservations exist, from 16 clients, at random grid times of the 28 days. */
    private static int book(String base, String key, String dinner, String lunch, LocalDate first, int target)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger booked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");
        int[] parties = {1, 2, 2, 2, 2, 3, 4, 4, 4, 5, 6, 8};
        for (int c = 0; c < 16; c++) {
            Random random = new Random(7919L * (c + 1));
            clients.add(pool.submit(() -> {
                while (booked.get() < target && attempts.incrementAndGet() < target * 4) {
                    boolean isDinner = random.nextInt(3) > 0;
                    java.time.LocalTime time = isDinner
                            ? java.time.LocalTime.of(19, 0).plusMinutes(15L * random.nextInt(13))
                            : java.time.LocalTime.of(12, 30).plusMinutes(15L * random.nextInt(11));
                    String start = first.plusDays(random.nextInt(28)).atTime(time).atZone(madrid).toInstant().toString();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/reservations"))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"service_id\":\"" + (isDinner ? dinner : lunch)
                                    + "\",\"party_size\":" + parties[random.nextInt(parties.length)]
                                    + ",\"start_datetime\":\"" + start + "\"}"))
                            .build();
                    if (CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 201) {
                        booked.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return booked.get();
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
