package dev.quintet.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A write (POST, PUT, PATCH, DELETE ...) that a browser sent on behalf of another site. Browsers say so
 * themselves: {@code Sec-Fetch-Site} is {@code cross-site} or {@code same-site}, or the {@code Origin} names
 * another host:port than the one the request was sent to. Curl and other non-browser clients send neither
 * header and never match.
 * <p>
 * {@code same-site} counts as foreign: a site is only the registrable domain, so every other port on
 * localhost and every sibling subdomain is "same-site", while the console and the API are always same-origin.
 * Spring Security 7 has no Fetch Metadata check of its own yet (spring-security#18361), hence this matcher.
 */
final class CrossSiteWrite implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");
    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    @Override
    public boolean matches(HttpServletRequest request) {
        return reason(request).isPresent();
    }

    /** Why the request counts as a cross-site write, in words for the refusal, if it does. */
    Optional<String> reason(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String site = request.getHeader(SEC_FETCH_SITE);
        if (site != null && FOREIGN_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("the browser sent this write from another site (Sec-Fetch-Site: " + site + ")");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.isBlank() && !isSameHost(origin, request)) {
            return Optional.of("the browser sent this write from another origin (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    /** Compares host:port as the browser wrote them, so a TLS-terminating proxy that keeps Host still works. */
    private static boolean isSameHost(String origin, HttpServletRequest request) {
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority(); // "null" (an opaque origin) has none
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return authority != null && authority.equalsIgnoreCase(host.strip());
    }
}
