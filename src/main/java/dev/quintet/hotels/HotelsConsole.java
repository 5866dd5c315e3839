package dev.quintet.hotels;

import dev.quintet.console.ConsolePage;
import dev.quintet.console.ConsolePageController;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The hotels pages: a search that shows its progress while it runs (the run fragment polls itself until
 * the search is done), its results with a multi-select to save a selection, the selected hotels with
 * their charts, and the analyze page, which runs every strategy and shows the timings side by side.
 */
@ConsolePageController
@RequestMapping("/console/hotels")
class HotelsConsole {

    static final int SELECTED_PAGE = 15;
    static final int CITY_CHOICES = 60;

    private final Geo geo;
    private final Searches searches;
    private final Selections selections;

    HotelsConsole(Geo geo, Searches searches, Selections selections) {
        this.geo = geo;
        this.searches = searches;
        this.selections = selections;
    }

    /** This page's entry in the console's navigation; static, so registering it makes no controller early. */
    @Bean
    static ConsolePage hotelsConsolePage() {
        return new ConsolePage("hotels", "/console/hotels");
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("cities", cityChoices(geo, ""));
        model.addAttribute("strategies", Strategy.values());
        selected( "-selected_at", 1, model);
        return "hotels/console";
    }

    @GetMapping("/analyze")
    String analyzePage(Model model) {
        model.addAttribute("cities", cityChoices(geo, ""));
        return "hotels/console-analyze";
    }

    /** The city picker's options for what has been typed: the largest matching cities first. */
    @GetMapping("/cities")
    String cities(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("cities", cityChoices(geo, q));
        return "hotels/console :: city-options";
    }

    @PostMapping("/search")
    String search(@RequestParam("city_id") int cityId, @RequestParam(defaultValue = "1") int page,
                  @RequestParam String strategy, Model model) {
        try {
            String id = searches.start(cityId, page, Strategy.of(strategy));
            return run(id, model);
        } catch (IllegalArgumentException e) { // InvalidHotel, or an unknown strategy
            model.addAttribute("message", e.getMessage());
            return "hotels/console :: problem";
        }
    }

    /** A running search's progress, or its results once done; polled by the fragment it returns. */
    @GetMapping("/search/{id}")
    String run(@PathVariable String id, Model model) {
        Searches.Running running = searches.running(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such search"));
        model.addAttribute("run", running);
        model.addAttribute("city", geo.city(running.cityId()).map(City::name).orElse("?"));
        return "hotels/console :: run";
    }

    /** Publishes the hotels ticked in a finished search's results as a selection. */
    @PostMapping("/select")
    String select(@RequestParam("search") String searchId, @RequestParam(name = "pick", required = false) List<Integer> picks,
                  Model model) {
        HotelSearch result = searches.running(searchId).map(Searches.Running::result)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such finished search"));
        List<Hotel> chosen = new ArrayList<>();
        for (int i : picks == null ? List.<Integer>of() : picks) {
            if (i >= 0 && i < result.hotels().size()) {
                chosen.add(result.hotels().get(i));
            }
        }
        if (chosen.isEmpty()) {
            model.addAttribute("message", "Tick at least one hotel to save.");
            return "hotels/console :: problem";
        }
        try {
            selections.select(result.cityId(), chosen);
        } catch (InvalidHotel e) {
            // the scraped site may be any site: what it served need not be storable
            model.addAttribute("message", "Not saved: " + e.getMessage());
            return "hotels/console :: problem";
        }
        model.addAttribute("saved", chosen.size());
        model.addAttribute("uids", String.join(",", chosen.stream().map(Hotel::uid).toList()));
        return "hotels/console :: saved";
    }

    /**
     * The selected hotels. With {@code waitFor} (the uids just published), the fragment asks again shortly
     * until the listener has stored them all, so a save shows up without a manual refresh.
     */
    @GetMapping("/selected")
    String selectedFragment(@RequestParam(defaultValue = "-selected_at") String sort, @RequestParam(defaultValue = "1") int page,
                            @RequestParam(defaultValue = "") String waitFor, @RequestParam(defaultValue = "0") int tries,
                            Model model) {
        selected( sort, page, model);
        List<String> uids = waitFor.isBlank() ? List.of() : List.of(waitFor.split(","));
        if (!uids.isEmpty() && tries < 40 && !selections.allStored(uids)) {
            model.addAttribute("waitFor", waitFor);
            model.addAttribute("tries", tries + 1);
        }
        return "hotels/console :: selected";
    }

    @PostMapping("/analyze")
    String analyze(@RequestParam("city_id") int cityId, @RequestParam(defaultValue = "1") int page, Model model) {
        try {
            List<HotelSearch> runs = searches.analyze(cityId, page);
            model.addAttribute("runs", runs);
            model.addAttribute("city", geo.city(cityId).map(City::name).orElse("?"));
            model.addAttribute("page", page);
            model.addAttribute("baseline", runs.getFirst().timings().totalMs());
            return "hotels/console-analyze :: analysis";
        } catch (InvalidHotel e) {
            model.addAttribute("message", e.getMessage());
            return "hotels/console :: problem";
        }
    }

    private void selected(String sort, int page, Model model) {
        PageOf<SelectedHotel> selected = selections.selected(null, null, null, null, sort, Math.max(1, page), SELECTED_PAGE);
        model.addAttribute("selected", selected);
        model.addAttribute("sort", sort);
        model.addAttribute("pages", Math.max(1, (selected.total() + SELECTED_PAGE - 1) / SELECTED_PAGE));
        model.addAttribute("byStars", selections.selectedByStars());
        model.addAttribute("byRating", selections.selectedByRating());
    }

    private static List<City> cityChoices(Geo geo, String q) {
        return geo.cities(q.length() > 100 ? q.substring(0, 100) : q, "", "-population", 1, CITY_CHOICES).items();
    }
}
