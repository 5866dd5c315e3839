package dev.quintet.console;

import dev.quintet.platform.Instance;
import dev.quintet.platform.QuintetProperties;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout around every console page needs: the sidebar's entries and the instance's name. */
@ControllerAdvice(basePackageClasses = ConsoleLayout.class)
class ConsoleLayout {

    /** The services the console has pages for; the others are listed as coming. */
    static final Set<String> PAGES = Set.of("cars", "citizens", "shop", "hotels", "ledger");

    static final List<NavItem> SERVICES = QuintetProperties.ALL_SERVICES.stream()
            .map(service -> new NavItem(service, PAGES.contains(service) ? "/console/" + service : null))
            .toList();

    private final Instance instance;

    ConsoleLayout(Instance instance) {
        this.instance = instance;
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return SERVICES;
    }

    @ModelAttribute("instanceName")
    String instanceName() {
        return instance.name();
    }

    /** A service in the sidebar; {@code href} is null while its console page is still coming. */
    record NavItem(String service, String href) {

        public boolean coming() {
            return href == null;
        }
    }
}
