package dev.quintet.platform.security;

import dev.quintet.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Spring Security's refusals in the one shape of every Quintet error (see {@link Problems}): they answer
 * before Spring MVC runs, so they write the problem themselves instead of an empty body or an HTML page.
 */
final class Refusals {

    private static final String BEARER_CHALLENGE = "Bearer realm=\"quintet\"";

    private Refusals() {
    }

    /** An admin operation without the key: 401 with a challenge when there is a key, else loopback only. */
    static AuthenticationEntryPoint adminEntryPoint(AdminProperties properties) {
        return (request, response, e) -> {
            if (properties.tokenConfigured()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
                write(request, response, HttpStatus.UNAUTHORIZED,
                        "this admin operation needs Authorization: Bearer <QUINTET_ADMIN_TOKEN>");
            } else {
                write(request, response, HttpStatus.FORBIDDEN, "admin operations are served to loopback clients only "
                        + "while QUINTET_ADMIN_TOKEN is unset; set it to allow other clients that send it");
            }
        };
    }

    /** A cross-site write never gets to authenticate: it is refused outright. */
    static AuthenticationEntryPoint crossSiteEntryPoint(CrossSiteWrite crossSite) {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, crossSiteDetail(crossSite, request));
    }

    /** A bearer token that is not the admin token. */
    static AuthenticationFailureHandler wrongToken() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE + ", error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, e.getMessage());
        };
    }

    /** Denied after authentication, or by the CSRF check on the console's forms. */
    static AccessDeniedHandler accessDenied(CrossSiteWrite crossSite) {
        return (request, response, e) -> {
            String detail;
            if (crossSite.matches(request)) {
                detail = crossSiteDetail(crossSite, request);
            } else if (e instanceof CsrfException) {
                detail = "the console form's CSRF token is missing or stale; reload the page and try again";
            } else {
                detail = "not allowed";
            }
            write(request, response, HttpStatus.FORBIDDEN, detail);
        };
    }

    private static String crossSiteDetail(CrossSiteWrite crossSite, HttpServletRequest request) {
        return "cross-site request refused" + crossSite.reason(request).map(reason -> ": " + reason).orElse("");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(Problems.json(status, detail, request.getRequestURI()));
    }
}
