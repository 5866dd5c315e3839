package dev.quintet.shop;

import dev.quintet.console.ConsolePage;
import dev.quintet.console.ConsolePageController;
import dev.quintet.platform.data.CacheReport;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop page: every collection with its count, a collection's users a page at a time, and a form to add
 * a user. The full page answers every question on its own ({@code ?collection=&after=}), so it works
 * without JavaScript; htmx asks for the workspace fragment instead and swaps only that.
 */
@ConsolePageController
@RequestMapping("/console/shop")
class ShopConsole {

    static final int PAGE_SIZE = 20;

    private final Shop shop;

    ShopConsole(Shop shop) {
        this.shop = shop;
    }

    /** This page's entry in the console's navigation; static, so registering it makes no controller early. */
    @Bean
    static ConsolePage shopConsolePage() {
        return new ConsolePage("shop", "/console/shop");
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "helloDoc") String collection, @RequestParam(defaultValue = "0") long after,
                Model model) {
        fill(model, shop, collection, after, null);
        return "shop/console";
    }

    @GetMapping("/workspace")
    String workspace(@RequestParam(defaultValue = "helloDoc") String collection, @RequestParam(defaultValue = "0") long after,
                     Model model) {
        fill(model, shop, collection, after, null);
        return "shop/console :: workspace";
    }

    /** Adds a user; htmx gets the workspace with the outcome, a plain form post the whole page. */
    @PostMapping("/users")
    String add(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String age, @RequestHeader(name = "HX-Request", required = false) String htmx,
               Model model) {
        Outcome outcome = Outcome.of(shop, collection.strip(), name, age.strip());
        String shown = outcome.ok() ? collection.strip() : Shop.collectionNameProblem(collection.strip()) == null ? collection.strip() : "helloDoc";
        fill(model, shop, shown, 0, outcome);
        return htmx != null ? "shop/console :: workspace" : "shop/console";
    }

    private static void fill(Model model, Shop shop, String collection, long after, Outcome outcome) {
        String problem = Shop.collectionNameProblem(collection);
        Map<String, Long> collections = shop.collections();
        model.addAttribute("collections", collections);
        model.addAttribute("total", collections.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("collection", problem == null ? collection : "");
        model.addAttribute("collectionProblem", problem);
        model.addAttribute("page", problem == null ? UsersPage.of(shop, collection, Math.max(0, after)) : null);
        model.addAttribute("caches", shop.cacheStats().stream().map(CacheView::of).toList());
        model.addAttribute("outcome", outcome);
    }

    /** What adding a user came to: the user, or what was wrong with the form, in words for a person. */
    record Outcome(User user, String collection, String message, String name, String age) {

        public boolean ok() {
            return user != null;
        }

        static Outcome of(Shop shop, String collection, String name, String age) {
            String problem = Shop.collectionNameProblem(collection);
            if (problem != null) {
                return new Outcome(null, collection, "Collection: " + problem + ".", name, age);
            }
            if (name.isEmpty() || name.length() > 255) {
                return new Outcome(null, collection, "A name has 1 to 255 characters.", name, age);
            }
            long years;
            try {
                years = Long.parseLong(age);
            } catch (NumberFormatException e) {
                return new Outcome(null, collection, "“" + age + "” is not an age: ages are whole numbers, like 42.", name, age);
            }
            User user = shop.add(collection, new NewUser(years, name));
            return new Outcome(user, collection, "Added " + name + " to " + collection + " with id " + user.id() + ".", "", "");
        }
    }

    /**
     * One page of a collection's users in id order.
     *
     * @param after     the cursor this page starts after (0: the first page)
     * @param nextAfter the cursor of the next page, or null on the last one
     */
    record UsersPage(String collection, long count, List<User> users, long after, Long nextAfter) {

        static UsersPage of(Shop shop, String collection, long after) {
            // one user more than shown tells whether a next page exists without counting
            List<User> found = shop.users(collection, after, PAGE_SIZE + 1);
            boolean more = found.size() > PAGE_SIZE;
            List<User> shown = more ? found.subList(0, PAGE_SIZE) : found;
            return new UsersPage(collection, shop.count(collection), shown, after,
                    more ? Long.valueOf(shown.getLast().id()) : null);
        }

        public boolean first() {
            return after <= 0;
        }
    }

    /** A cache as the page shows it: where it lives, its hits and misses, and the hit rate. */
    record CacheView(String name, String store, long hits, long misses, String hitRate) {

        static CacheView of(CacheReport.Stats stats) {
            long total = stats.hits() + stats.misses();
            return new CacheView(stats.name(), stats.store(), stats.hits(), stats.misses(),
                    total == 0 ? "—" : String.format("%.0f%%", 100.0 * stats.hits() / total));
        }
    }
}
