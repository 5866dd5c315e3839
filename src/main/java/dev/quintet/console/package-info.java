/**
 * The web console: a few server-rendered pages (Thymeleaf, with htmx for the parts that change in place)
 * where a person sees what this instance is, which database it stands on and how busy each service has
 * been, and browses a service's data.
 * <p>
 * It owns no data and no tables, and no service's page: each service keeps its page (controller and
 * templates) in its own package and registers it with a {@link dev.quintet.console.ConsolePage} bean, from
 * which the layout builds the navigation. A service left out of {@code quintet.services} has no beans at
 * all, so it has no page and no entry, with no check in the console.
 * Request counts come from the {@code http.server.requests} metrics the platform tags by service, so the
 * console needs no counters of its own.
 */
@ApplicationModule(displayName = "Console")
package dev.quintet.console;

import org.springframework.modulith.ApplicationModule;
