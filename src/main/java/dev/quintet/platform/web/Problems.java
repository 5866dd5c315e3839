package dev.quintet.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
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

    /** The same problem as JSON text, for the few places that answer before Spring MVC runs. */
    public static String json(HttpStatus status, String detail, String path) {
        ProblemDetail problem = of(status, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", URI.create(path).toString());
        body.putAll(problem.getProperties());
        return JSON.writeValueAsString(body);
    }
}
