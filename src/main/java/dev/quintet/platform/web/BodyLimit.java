package dev.quintet.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A request-body limit for one path prefix, larger or smaller than {@code quintet.max-body}.
 * A service declares one as a bean when its contract needs it (a citizens import is up to ~63 MB).
 */
public record BodyLimit(String method, String pathPrefix, DataSize maxBody) {
}
