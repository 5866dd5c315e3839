package dev.quintet.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path or query string that is not well-formed percent-encoded UTF-8 ({@code %ff}, {@code %},
 * {@code %zz}), or that decodes to text {@link SafeText} refuses, with a 400 naming the parameter, before
 * anything else reads it: Tomcat 11 throws on such a query when a handler first asks for a parameter,
 * which would surface as a 500, and a NUL would reach the database (a 500 on PostgreSQL).
 * Bodies are not read here: the ledger reads its raw body whatever the Content-Type says.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problem(request.getRequestURI(), request.getQueryString());
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write(Problems.json(HttpStatus.BAD_REQUEST, problem.get(), null));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the raw path and query string, if anything. */
    static Optional<String> problem(String rawPath, String rawQuery) {
        for (String segment : rawPath.split("/", -1)) {
            Optional<String> problem = problemOf(segment, false);
            if (problem.isPresent()) {
                return Optional.of("the path " + problem.get());
            }
        }
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> nameProblem = problemOf(rawName, true);
            if (nameProblem.isPresent()) {
                return Optional.of("a query parameter name " + nameProblem.get());
            }
            Optional<String> valueProblem = eq < 0 ? Optional.empty() : problemOf(pair.substring(eq + 1), true);
            if (valueProblem.isPresent()) {
                return Optional.of("query parameter '" + decode(rawName, true) + "' " + valueProblem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problemOf(String raw, boolean form) {
        String text = decode(raw, form);
        return text == null ? Optional.of("is not valid percent-encoded UTF-8") : SafeText.problem(text);
    }

    /** Decodes strictly: a bad escape or a byte sequence that is not UTF-8 gives null, never U+FFFD. */
    private static String decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0 && !(form && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (form && c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            // a fresh decoder reports malformed input instead of replacing it
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
