package dev.quintet.citizens;

import dev.quintet.console.ConsolePage;
import dev.quintet.console.ConsolePageController;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizens page: the imports, one import's citizens a page at a time, its presents per month and its
 * age percentiles per town as charts. Uploading a file is done by the page's script with the service's own
 * {@code POST /imports}, so the console needs no multipart limits of its own and shows the API's refusals.
 */
@ConsolePageController
@RequestMapping("/console/citizens")
class CitizensConsole {

    static final int PAGE_SIZE = 25;

    private final Citizens citizens;

    CitizensConsole(Citizens citizens) {
        this.citizens = citizens;
    }

    /** This page's entry in the console's navigation; static, so registering it makes no controller early. */
    @Bean
    static ConsolePage citizensConsolePage() {
        return new ConsolePage("citizens", "/console/citizens");
    }

    @GetMapping
    String page(@RequestParam(name = "import", required = false) Long importId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        List<ImportSummary> imports = citizens.imports();
        model.addAttribute("imports", imports);
        if (importId == null && !imports.isEmpty()) {
            importId = imports.getLast().importId();
        }
        if (importId != null) {
            try {
                model.addAttribute("list", CitizensPage.of(citizens, importId, Math.max(page, 0)));
                model.addAttribute("selected", Selected.of(citizens, importId));
            } catch (UnknownImport e) {
                model.addAttribute("missing", importId);
            }
        }
        return "citizens/console";
    }

    /** Another page of the import's citizens, as the page's htmx pager asks for it: that section alone. */
    @GetMapping("/list")
    String list(@RequestParam(name = "import") long importId, @RequestParam(defaultValue = "0") int page, Model model) {
        // an unknown import is the service's UnknownImport, which the platform answers with 404
        model.addAttribute("list", CitizensPage.of(citizens, importId, Math.max(page, 0)));
        return "citizens/console :: citizens-page";
    }

    /**
     * One import as the page shows it.
     *
     * @param presentsPerMonth the presents bought in each month 1..12, summed over the citizens
     */
    record Selected(long importId, List<Integer> presentsPerMonth, List<TownPercentiles> towns) {

        static Selected of(Citizens service, long importId) {
            return new Selected(importId, service.presentsPerMonth(importId), service.agePercentiles(importId));
        }
    }

    /** One page of an import's citizens: only that page is read, never the whole import. */
    record CitizensPage(long importId, int total, List<Citizen> citizens, int page, int pages) {

        static CitizensPage of(Citizens service, long importId, int page) {
            Citizens.CitizenPage read = service.citizens(importId, (long) page * PAGE_SIZE, PAGE_SIZE);
            int pages = Math.max(1, (read.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            if (page < pages) {
                return new CitizensPage(importId, read.total(), read.citizens(), page, pages);
            }
            // past the end (an old link to a changed import): the last page
            int last = pages - 1;
            return new CitizensPage(importId, read.total(), service.citizens(importId, (long) last * PAGE_SIZE, PAGE_SIZE).citizens(),
                    last, pages);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }
}
