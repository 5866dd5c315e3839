package dev.quintet.console;

import dev.quintet.platform.Instance;
import dev.quintet.platform.QuintetProperties;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout around every console page needs: the sidebar's entries and the instance's name.
 * It applies to the {@link ConsolePageController}s, wherever they live (each service's page controller is in
 * that service's package), and to nothing else: API requests do not pay for a model they never read.
 */
@ControllerAdvice(annotations = ConsolePageController.class)
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
