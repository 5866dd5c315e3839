package dev.quintet.console;

import dev.quintet.platform.Instance;
import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.data.DatabaseTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in ({@code /} for browsers) and the overview: this instance, its database, its services. */
@ConsolePageController
class ConsoleController {

    /** The tag {@code http.server.requests} carries; "none" marks the console, docs and health. */
    static final String SERVICE_TAG = "service";
    static final String NO_SERVICE = "none";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final Instance instance;
    private final DatabaseTopology database;
    private final QuintetProperties properties;
    private final MeterRegistry meters;
    private final Set<String> withPage;

    ConsoleController(Instance instance, DatabaseTopology database, QuintetProperties properties, MeterRegistry meters,
                      List<ConsolePage> pages) {
        this.instance = instance;
        this.database = database;
        this.properties = properties;
        this.meters = meters;
        this.withPage = pages.stream().map(ConsolePage::service).collect(Collectors.toUnmodifiableSet());
    }

    /** Only for browsers: API clients asking {@code /} for JSON get their own answer elsewhere. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String root() {
        return "redirect:/console/";
    }

    /** One address for the overview, so its links and the browser's history agree. */
    @GetMapping("/console")
    String console() {
        return "redirect:/console/";
    }

    @GetMapping("/console/")
    String overview(Model model) {
        Map<String, Long> requests = requestsByService(meters);
        List<ServiceRow> services = QuintetProperties.ALL_SERVICES.stream()
                .map(name -> new ServiceRow(name, properties.runs(name), withPage.contains(name),
                        requests.getOrDefault(name, 0L)))
                .toList();
        model.addAttribute("instance", new InstanceView(instance.name(), STARTED.format(instance.startedAt()),
                humanize(instance.uptime()),
                "Java " + System.getProperty("java.version") + " on " + Runtime.getRuntime().availableProcessors() + " CPUs"));
        model.addAttribute("db", database.describe());
        model.addAttribute("services", services);
        model.addAttribute("enabledCount", services.stream().filter(ServiceRow::enabled).count());
        model.addAttribute("otherRequests", requests.getOrDefault(NO_SERVICE, 0L));
        model.addAttribute("totalRequests", requests.values().stream().mapToLong(Long::longValue).sum());
        return "console/overview";
    }

    /** Requests answered so far, per service tag: the sum over every method, path and status. */
    static Map<String, Long> requestsByService(MeterRegistry meters) {
        Map<String, Long> counts = new TreeMap<>();
        for (Timer timer : meters.find("http.server.requests").timers()) {
            String service = timer.getId().getTag(SERVICE_TAG);
            counts.merge(service == null ? NO_SERVICE : service, timer.count(), Long::sum);
        }
        return counts;
    }

    /** "3 d 4 h", "2 h 5 min", "12 min 3 s": the two largest units say enough. */
    static String humanize(Duration uptime) {
        long days = uptime.toDays();
        int hours = uptime.toHoursPart();
        int minutes = uptime.toMinutesPart();
        int seconds = uptime.toSecondsPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + seconds + " s";
        }
        return seconds + " s";
    }

    /** @param runtime the JVM and the CPUs it sees: what "slow" or "fast" should be judged against */
    record InstanceView(String name, String startedAt, String uptime, String runtime) {
    }

    /**
     * A service as the overview shows it.
     *
     * @param enabled  whether {@code quintet.services} names it on this instance
     * @param hasPage  whether the console has a page for it here: only an enabled service registers one
     * @param requests requests its endpoints answered since this instance started
     */
    record ServiceRow(String name, boolean enabled, boolean hasPage, long requests) {
    }
}
