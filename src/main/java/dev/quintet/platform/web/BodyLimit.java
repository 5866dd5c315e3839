package dev.quintet.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A request-body limit for one route, larger or smaller than {@code quintet.max-body}: the method (null for
 * any) and a path pattern as the controllers write it ({@code /imports}, {@code /imports/{id}/citizens}),
 * matched whole, never as a prefix, so {@code /importsfoo/users} does not inherit the limit of {@code /imports}.
 * A service declares one as a bean when its contract needs it (a citizens import is up to ~63 MB).
 */
public record BodyLimit(String method, String pathPattern, DataSize maxBody) {
}
