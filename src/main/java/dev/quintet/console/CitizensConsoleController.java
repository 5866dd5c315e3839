package dev.quintet.console;

import dev.quintet.citizens.Citizen;
import dev.quintet.citizens.Citizens;
import dev.quintet.citizens.ImportSummary;
import dev.quintet.citizens.Presents;
import dev.quintet.citizens.TownPercentiles;
import dev.quintet.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizens page: the imports, one import's citizens a page at a time, its presents per month and its
 * age percentiles per town as charts. Uploading a file is done by the page's script with the service's own
 * {@code POST /imports}, so the console needs no multipart limits of its own and shows the API's refusals.
 */
@Controller
@RequestMapping("/console/citizens")
class CitizensConsoleController {

    static final int PAGE_SIZE = 25;

    // a provider: with citizens left out of quintet.services there is no such bean
    private final ObjectProvider<Citizens> citizens;

    CitizensConsoleController(ObjectProvider<Citizens> citizens) {
        this.citizens = citizens;
    }

    @GetMapping
    String page(@RequestParam(name = "import", required = false) Long importId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Citizens citizens = this.citizens.getIfAvailable();
        model.addAttribute("enabled", citizens != null);
        if (citizens == null) {
            return "console/citizens";
        }
        List<ImportSummary> imports = citizens.imports();
        model.addAttribute("imports", imports);
        if (importId == null && !imports.isEmpty()) {
            importId = imports.getLast().importId();
        }
        if (importId != null) {
            try {
                model.addAttribute("selected", Selected.of(citizens, importId, Math.max(page, 0)));
            } catch (ApiException e) {
                model.addAttribute("missing", importId);
            }
        }
        return "console/citizens";
    }

    /**
     * One import as the page shows it.
     *
     * @param presentsPerMonth the presents bought in each month 1..12, summed over the citizens
     */
    record Selected(long importId, int total, List<Citizen> citizens, int page, int pages,
                    List<Integer> presentsPerMonth, List<TownPercentiles> towns) {

        static Selected of(Citizens service, long importId, int page) {
            List<Citizen> all = service.citizens(importId);
            int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int shown = Math.min(page, pages - 1);
            List<Citizen> slice = all.subList(Math.min(all.size(), shown * PAGE_SIZE),
                    Math.min(all.size(), (shown + 1) * PAGE_SIZE));
            Map<String, List<Presents>> months = service.birthdays(importId);
            List<Integer> perMonth = months.values().stream()
                    .map(list -> list.stream().mapToInt(Presents::presents).sum()).toList();
            return new Selected(importId, all.size(), slice, shown, pages, perMonth, service.agePercentiles(importId));
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }
}
