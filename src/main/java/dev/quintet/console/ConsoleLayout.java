package dev.quintet.console;

import dev.quintet.platform.Instance;
import dev.quintet.platform.QuintetProperties;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout around every console page needs: the sidebar's entries and the instance's name.
 * It applies to every controller, not one package, because each service's page controller lives in that
 * service's package; API controllers get the two attributes too and never read them.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleLayout {

    private final Instance instance;
    private final List<ConsolePage> pages;

    ConsoleLayout(Instance instance, List<ConsolePage> pages) {
        this.instance = instance;
        // the services' own order, so the sidebar does not depend on the order beans were found in
        this.pages = pages.stream()
                .sorted(Comparator.comparingInt(page -> QuintetProperties.ALL_SERVICES.indexOf(page.service())))
                .toList();
    }

    @ModelAttribute("nav")
    List<ConsolePage> nav() {
        return pages;
    }

    @ModelAttribute("instanceName")
    String instanceName() {
        return instance.name();
    }
}
