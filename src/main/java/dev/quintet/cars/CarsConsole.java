package dev.quintet.cars;

import dev.quintet.console.ConsolePage;
import dev.quintet.console.ConsolePageController;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cars page: look a car up by serial, browse cars a page at a time. The full page answers every
 * question on its own ({@code ?serial=}, {@code ?after=}), so it works without JavaScript too; htmx asks
 * the fragment endpoints instead and swaps only the part that changed.
 */
@ConsolePageController
@RequestMapping("/console/cars")
class CarsConsole {

    static final int PAGE_SIZE = 20;

    private final Cars cars;

    CarsConsole(Cars cars) {
        this.cars = cars;
    }

    /** This page's entry in the console's navigation; static, so registering it makes no controller early. */
    @Bean
    static ConsolePage carsConsolePage() {
        return new ConsolePage("cars", "/console/cars");
    }

    @GetMapping
    String page(@RequestParam(required = false) String serial, @RequestParam(defaultValue = "-1") long after,
                Model model) {
        model.addAttribute("count", cars.count());
        model.addAttribute("page", CarsPage.of(cars, after));
        model.addAttribute("lookup", serial == null ? null : Lookup.of(cars, serial));
        return "cars/console";
    }

    @GetMapping("/lookup")
    String lookup(@RequestParam(defaultValue = "") String serial, Model model) {
        model.addAttribute("lookup", Lookup.of(cars, serial));
        return "cars/console :: lookup";
    }

    @GetMapping("/page")
    String list(@RequestParam(defaultValue = "-1") long after, Model model) {
        model.addAttribute("count", cars.count());
        model.addAttribute("page", CarsPage.of(cars, after));
        return "cars/console :: page";
    }

    /**
     * What a lookup found: the car, or a message saying why there is none.
     *
     * @param invalid whether the input was no serial at all (as opposed to a serial nobody has)
     */
    record Lookup(String input, Car car, String message, boolean invalid) {

        static Lookup of(Cars cars, String input) {
            String text = input.strip();
            if (text.isEmpty()) {
                return new Lookup(text, null, "Type a serial number to look a car up.", true);
            }
            long serial;
            try {
                serial = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new Lookup(text, null, "“" + text + "” is not a serial number: serials are whole numbers, like 42.", true);
            }
            if (serial < 0) {
                return new Lookup(text, null, "Serial numbers start at 0; " + serial + " cannot be one.", true);
            }
            return cars.find(serial)
                    .map(car -> new Lookup(text, car, null, false))
                    .orElseGet(() -> new Lookup(text, null, "No car has serial " + serial + ".", false));
        }
    }

    /**
     * One page of cars in serial order.
     *
     * @param after     the cursor this page starts after (-1: the first page)
     * @param nextAfter the cursor of the next page, or null when this is the last one
     */
    record CarsPage(List<Car> cars, long after, Long nextAfter) {

        static CarsPage of(Cars cars, long after) {
            // one car more than shown tells whether a next page exists without counting
            List<Car> found = cars.page(after, PAGE_SIZE + 1);
            boolean more = found.size() > PAGE_SIZE;
            List<Car> shown = more ? found.subList(0, PAGE_SIZE) : found;
            return new CarsPage(shown, after, more ? shown.getLast().serialNumber() : null);
        }

        public boolean first() {
            return after < 0;
        }
    }
}
