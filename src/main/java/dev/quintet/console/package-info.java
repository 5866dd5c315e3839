/**
 * The web console: a few server-rendered pages (Thymeleaf, with htmx for the parts that change in place)
 * where a person sees what this instance is, which database it stands on and how busy each service has
 * been, and browses a service's data.
 * <p>
 * It owns no data and no tables. It reads each service only through the service's public API
 * ({@link dev.quintet.cars.Cars} for cars), and always through an
 * {@link org.springframework.beans.factory.ObjectProvider}, because a service left out of
 * {@code quintet.services} has no beans at all: the console then says so instead of failing to start.
 * Request counts come from the {@code http.server.requests} metrics the platform tags by service, so the
 * console needs no counters of its own.
 */
@ApplicationModule(displayName = "Console")
package dev.quintet.console;

import org.springframework.modulith.ApplicationModule;
