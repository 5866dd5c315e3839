package dev.quintet.console;

import dev.quintet.ledger.Ledger;
import dev.quintet.ledger.Version;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger page: the nodes with state and lag (htmx polls the fragment every two seconds), and a
 * record browser: the names, and a name's history. The full page answers {@code ?name=} on its own.
 */
@Controller
@RequestMapping("/console/ledger")
class LedgerConsoleController {

    static final int NAMES_SHOWN = 100;

    private final ObjectProvider<Ledger> ledger;

    LedgerConsoleController(ObjectProvider<Ledger> ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    String page(@RequestParam(required = false) String name, Model model) {
        Ledger ledger = this.ledger.getIfAvailable();
        model.addAttribute("enabled", ledger != null);
        if (ledger != null) {
            model.addAttribute("status", ledger.status());
            Map<String, List<Version>> dump = ledger.dump();
            model.addAttribute("nameCount", dump.size());
            model.addAttribute("names", dump.keySet().stream().limit(NAMES_SHOWN).toList());
            model.addAttribute("record", name == null ? null : Record.of(ledger, name));
        }
        return "console/ledger";
    }

    @GetMapping("/nodes")
    String nodes(Model model) {
        model.addAttribute("status", enabled().status());
        return "console/ledger :: nodes";
    }

    @GetMapping("/record")
    String record(@RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("record", Record.of(enabled(), name));
        return "console/ledger :: record";
    }

    private Ledger enabled() {
        Ledger ledger = this.ledger.getIfAvailable();
        if (ledger == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ledger is not enabled on this instance");
        }
        return ledger;
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
