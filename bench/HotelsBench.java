// bench/HotelsBench.java: the measuring half of bench/hotels (compiled with bench/BenchSupport.java by
// bench/lib.sh's bench_java). Arguments: BASE_URL ROUNDS CITY_ID PAGES
// Per round, in an order that rotates, it runs POST /api/hotels/search once per strategy against listing
// page ((round - 1) % PAGES) + 1, and measures the ideal on the same page: the listing page, then all of
// its hotel pages requested at once by this client. It prints each round and then, per strategy, the
// median pages/s, the median and p99 (nearest rank) of the search's total time, and the median of the
// per-round ratios strategy pages/s ÷ ideal pages/s. Exit 1 when a search failed or lost pages.
import static dev.quintet.bench.BenchSupport.median;
import static dev.quintet.bench.BenchSupport.nearestRank;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class HotelsBench {

    static final List<String> STRATEGIES = List.of("sequential", "threads", "virtual-threads", "distributed");
    static final String IDEAL = "ideal (all at once)";
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    record Run(double totalMs, int pages, int failures) {
        double pagesPerSecond() {
            return pages / (totalMs / 1000);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        int city = Integer.parseInt(args[2]);
        int pages = Integer.parseInt(args[3]);
        Locale.setDefault(Locale.ROOT);

        System.out.println("warming up: one search per strategy and one ideal fetch ...");
        for (String s : STRATEGIES) {
            search(base, city, pages, s);
        }
        ideal(base, city, pages);

        Map<String, List<Run>> runs = new LinkedHashMap<>();
        STRATEGIES.forEach(s -> runs.put(s, new ArrayList<>()));
        runs.put(IDEAL, new ArrayList<>());
        List<String> order = new ArrayList<>(runs.keySet());
        System.out.printf("%n%5s %5s  %-20s %9s %7s %9s %8s%n", "round", "page", "strategy", "total ms", "pages", "pages/s", "failed");
        boolean failed = false;
        for (int r = 1; r <= rounds; r++) {
            int page = (r - 1) % pages + 1;
            // rotate who goes first, so no strategy always meets the freshest (or the busiest) machine
            List<String> thisRound = new ArrayList<>(order.subList(r % order.size(), order.size()));
            thisRound.addAll(order.subList(0, r % order.size()));
            for (String s : thisRound) {
                Run run = s.equals(IDEAL) ? ideal(base, city, page) : search(base, city, page, s);
                runs.get(s).add(run);
                failed |= run.failures() > 0;
                System.out.printf("%5d %5d  %-20s %9.1f %7d %9.1f %8d%n", r, page, s, run.totalMs(), run.pages(),
                        run.pagesPerSecond(), run.failures());
            }
        }

        System.out.println("-".repeat(86));
        System.out.printf("%-20s %14s %15s %13s %21s%n", "median of " + rounds + " rounds", "pages/s", "total ms (p50)",
                "total ms p99", "pages/s ÷ ideal");
        List<Run> ideal = runs.get(IDEAL);
        for (var e : runs.entrySet()) {
            List<Run> list = e.getValue();
            double[] ratios = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                ratios[i] = list.get(i).pagesPerSecond() / ideal.get(i).pagesPerSecond();
            }
            System.out.printf("%-20s %14.1f %15.1f %13.1f %21s%n", e.getKey(),
                    median(list.stream().mapToDouble(Run::pagesPerSecond).toArray()),
                    median(list.stream().mapToDouble(Run::totalMs).toArray()),
                    nearestRank(list.stream().mapToDouble(Run::totalMs).toArray(), 0.99),
                    e.getKey().equals(IDEAL) ? "1.00" : String.format("%.2f", median(ratios)));
        }
        System.out.println("-".repeat(86));
        System.out.println("p99 is the nearest-rank 99th percentile of the rounds: with fewer than 100 rounds, the slowest one.");
        if (failed) {
            System.out.println("FAILED: some searches lost pages (see the 'failed' column)");
            System.exit(1);
        }
    }

    static Run search(String base, int city, int page, String strategy) throws Exception {
        String body = "{\"city_id\": %d, \"page\": %d, \"strategy\": \"%s\"}".formatted(city, page, strategy);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/hotels/search"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search " + strategy + " answered " + response.statusCode() + ": " + response.body());
        }
        String json = response.body();
        int failures = json.contains("\"failures\":[]") ? 0 : count(json.substring(json.indexOf("\"failures\":")), "\"url\"");
        return new Run(number(json, "total_ms"), (int) number(json, "pages"), failures);
    }

    /** The listing page, then every hotel page it links to requested at the same moment. */
    static Run ideal(String base, int city, int page) throws Exception {
        long start = System.nanoTime();
        String listing = get(base + "/sandbox/travel/cities/" + city + "/hotels?page=" + page);
        Matcher m = Pattern.compile("class=\"listing-title\" href=\"([^\"]+)\"").matcher(listing);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(base + m.group(1));
        }
        int failures = 0;
        try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> all = links.stream().map(url -> each.submit(() -> get(url))).toList();
            for (Future<String> f : all) {
                try {
                    f.get();
                } catch (Exception e) {
                    failures++;
                }
            }
        }
        return new Run((System.nanoTime() - start) / 1e6, 1 + links.size(), failures);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return Double.parseDouble(m.group(1));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
