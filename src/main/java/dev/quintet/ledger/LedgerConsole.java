package dev.quintet.ledger;

import dev.quintet.console.ConsolePage;
import dev.quintet.console.ConsolePageController;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger page: the nodes with state and lag (htmx polls the fragment every two seconds), and a
 * record browser: the names, and a name's history. The full page answers {@code ?name=} on its own.
 */
@ConsolePageController
@RequestMapping("/console/ledger")
class LedgerConsole {

    static final int NAMES_SHOWN = 100;

    private final Ledger ledger;

    LedgerConsole(Ledger ledger) {
        this.ledger = ledger;
    }

    /** This page's entry in the console's navigation; static, so registering it makes no controller early. */
    @Bean
    static ConsolePage ledgerConsolePage() {
        return new ConsolePage("ledger", "/console/ledger");
    }

    @GetMapping
    String page(@RequestParam(required = false) String name, Model model) {
        model.addAttribute("status", ledger.status());
        Map<String, List<Version>> dump = ledger.dump();
        model.addAttribute("nameCount", dump.size());
        model.addAttribute("names", dump.keySet().stream().limit(NAMES_SHOWN).toList());
        model.addAttribute("record", name == null ? null : Record.of(ledger, name));
        return "ledger/console";
    }

    @GetMapping("/nodes")
    String nodes(Model model) {
        model.addAttribute("status", ledger.status());
        return "ledger/console :: nodes";
    }

    @GetMapping("/record")
    String record(@RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("record", Record.of(ledger, name));
        return "ledger/console :: record";
    }

    /** A name's history, newest first, or a message saying why there is none. */
    record Record(String name, List<Version> history, String message) {
        static Record of(Ledger ledger, String input) {
            String name = input.strip();
            if (name.isEmpty()) {
                return new Record(name, List.of(), "Type a name to see its history.");
            }
            List<Version> versions = ledger.history(name);
            return versions.isEmpty()
                    ? new Record(name, List.of(), "No record is named '" + name + "'.")
                    : new Record(name, versions.reversed(), null);
        }
    }
}
