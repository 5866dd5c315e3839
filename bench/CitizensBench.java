// bench/CitizensBench.java: the client half of bench/citizens (run as a single-file program by that
// script, compiled with bench/BenchSupport.java). Generates the task's load import, then times POST
// /imports, the three reads and PATCHes against one running Quintet, and prints median and p99 per
// operation. No dependencies but the JDK.
import static dev.quintet.bench.BenchSupport.interpolated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CitizensBench {

    static final String[] TOWNS = {"Москва", "Санкт-Петербург", "Керчь", "Тверь", "Улан-Удэ", "Казань", "Омск",
            "Самара", "Пермь", "Уфа", "Воронеж", "Волгоград", "Краснодар", "Саратов", "Тюмень", "Ижевск",
            "Барнаул", "Иркутск", "Хабаровск", "Ярославль"};
    static final String[] STREETS = {"Иосифа Бродского", "Льва Толстого", "Ленина", "Садовая", "Набережная",
            "Мира", "Гагарина", "Пушкина", "Победы", "Советская"};
    static final String[] NAMES = {"Иванов Иван Иванович", "Петрова Мария Сергеевна", "Сидоров Пётр Алексеевич",
            "Смирнова Анна Викторовна", "Кузнецов Дмитрий Олегович", "Попова Елена Игоревна"};

    /** 10,000 citizens with 1,000 relative links (each a pair listed on both sides), as the task sets. */
    static String generate(int citizens, int links, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> relatives = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            relatives.add(new ArrayList<>());
        }
        for (int made = 0; made < links; ) {
            int a = random.nextInt(citizens), b = random.nextInt(citizens);
            if (a != b && !relatives.get(a).contains(b)) {
                relatives.get(a).add(b);
                relatives.get(b).add(a);
                made++;
            }
        }
        StringBuilder json = new StringBuilder(citizens * 300).append("{\"citizens\":[");
        for (int i = 0; i < citizens; i++) {
            json.append(i == 0 ? "" : ",").append("{\"citizen_id\":").append(i)
                .append(",\"town\":\"").append(TOWNS[random.nextInt(TOWNS.length)])
                .append("\",\"street\":\"").append(STREETS[random.nextInt(STREETS.length)])
                .append("\",\"building\":\"").append(1 + random.nextInt(200)).append("к").append(1 + random.nextInt(9))
                .append("стр").append(1 + random.nextInt(9))
                .append("\",\"apartment\":").append(random.nextInt(1000))
                .append(",\"name\":\"").append(NAMES[random.nextInt(NAMES.length)])
                .append("\",\"birth_date\":\"").append(String.format("%02d.%02d.%04d", 1 + random.nextInt(28),
                        1 + random.nextInt(12), 1940 + random.nextInt(80)))
                .append("\",\"gender\":\"").append(random.nextBoolean() ? "male" : "female")
                .append("\",\"relatives\":").append(relatives.get(i).toString().replace(" ", "")).append('}');
        }
        return json.append("]}").toString();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int patches = Integer.parseInt(args[3]);
        String body = generate(10_000, 1_000, 1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String op : List.of("POST /imports", "GET citizens", "GET birthdays", "GET percentiles", "PATCH")) {
            times.put(op, new ArrayList<>());
        }
        Random random = new Random(2);
        Pattern idPattern = Pattern.compile("\"import_id\":(\\d+)");
        for (int run = 0; run < warmup + runs; run++) {
            boolean measured = run >= warmup;
            long t0 = System.nanoTime();
            HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(base + "/imports"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 201);
            record(times, "POST /imports", t0, measured);
            Matcher m = idPattern.matcher(created.body());
            if (!m.find()) {
                throw new IllegalStateException("no import_id in " + created.body());
            }
            String imp = base + "/imports/" + m.group(1);
            for (String[] read : new String[][] {{"GET citizens", "/citizens"}, {"GET birthdays", "/citizens/birthdays"},
                    {"GET percentiles", "/towns/stat/percentile/age"}}) {
                long t = System.nanoTime();
                send(http, HttpRequest.newBuilder(URI.create(imp + read[1])).GET(), 200);
                record(times, read[0], t, measured);
            }
            for (int k = 0; k < patches; k++) {
                int who = random.nextInt(10_000);
                StringBuilder rel = new StringBuilder("[");
                for (int j = 0, n = random.nextInt(4); j < n; j++) {
                    int r = random.nextInt(10_000);
                    if (r != who && rel.indexOf("," + r + ",") < 0 && rel.indexOf("[" + r + ",") < 0) {
                        rel.append(rel.length() > 1 ? "," : "").append(r);
                    }
                }
                String patch = "{\"name\":\"Патч " + k + "\",\"relatives\":" + rel.append(']') + "}";
                long t = System.nanoTime();
                send(http, HttpRequest.newBuilder(URI.create(imp + "/citizens/" + who))
                        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(patch)), 200);
                record(times, "PATCH", t, measured);
            }
            // keep the database the size of one import, so every run measures the same thing
            send(http, HttpRequest.newBuilder(URI.create(imp)).DELETE(), 204);
        }
        System.out.printf("import: 10,000 citizens, 1,000 links, %.1f MB; %d runs after %d warm-up; %d PATCHes per run%n",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6, runs, warmup, patches);
        System.out.printf("%-16s %10s %10s %8s%n", "operation", "median ms", "p99 ms", "samples");
        times.forEach((op, list) -> {
            System.out.printf("%-16s %10.1f %10.1f %8d%n", op, interpolated(list, 0.5), interpolated(list, 0.99), list.size());
        });
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
    }

    static void record(Map<String, List<Double>> times, String op, long start, boolean measured) {
        if (measured) {
            times.get(op).add((System.nanoTime() - start) / 1e6);
        }
    }
}
