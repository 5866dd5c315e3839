package dev.quintet.console;

/**
 * A service's page in the console, as the service registers it: each service's page controller declares
 * one as a bean, and the layout builds its navigation from them, as the CLI gathers each service's
 * command. A service left out of {@code quintet.services} has no beans, so no page and no entry.
 *
 * @param service the service's name, as {@code quintet.services} spells it
 * @param path    where the page is, such as {@code /console/cars}
 */
public record ConsolePage(String service, String path) {
}
