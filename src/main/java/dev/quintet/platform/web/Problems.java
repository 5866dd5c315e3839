package dev.quintet.platform.web;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error Quintet sends: an RFC 9457 problem that also carries the keys the cars
 * service's original clients read, {@code reason} (the HTTP reason phrase) and {@code error}
 * (what is wrong). Carrying them on every problem costs two keys and keeps one shape for all.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return withOriginalKeys(problem);
    }

    /** Adds {@code reason} and {@code error} to a problem built elsewhere (by Spring MVC, say). */
    public static ProblemDetail withOriginalKeys(ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        problem.setProperty("reason", status != null ? status.getReasonPhrase() : String.valueOf(problem.getStatus()));
        problem.setProperty("error", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
        return problem;
    }

    /**
     * The same problem as JSON text, for the few places that answer before Spring MVC runs; {@code path}
     * becomes {@code instance} when given (null when the path itself is what was refused).
     */
    public static String json(HttpStatus status, String detail, String path) {
        ProblemDetail problem = of(status, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (path != null) {
            body.put("instance", URI.create(path).toString());
        }
        body.putAll(problem.getProperties());
        return JSON.writeValueAsString(body);
    }

    /**
     * What is wrong with a JSON body, in words that name the field ({@code citizens[3].name}); for handlers
     * that read their body themselves (ledger's /update) as for Spring's converters.
     */
    public static String unreadable(JacksonException cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : typeName(mismatch.getTargetType());
            return field.isEmpty()
                    ? "request body must be a JSON " + expected
                    : "field '" + field + "' must be " + expected;
        }
        if (cause instanceof InputCoercionException range && !path(range).isEmpty()) {
            return "field '" + path(range) + "' is out of range: " + range.getOriginalMessage();
        }
        if (cause instanceof StreamReadException parse) {
            return "malformed JSON: " + parse.getOriginalMessage();
        }
        String field = path(cause);
        return (field.isEmpty() ? "" : "field '" + field + "': ") + cause.getOriginalMessage();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
