package dev.quintet.platform.web;

import dev.quintet.platform.Unknown;
import dev.quintet.platform.data.InvalidQuery;
import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception that leaves a controller into a problem (see {@link Problems}): what the client
 * got wrong, in words that name the field, and never a stack trace. Unexpected failures are logged here
 * and answered with a plain 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.getMessage()));
    }

    /** Something the client named that a service does not hold (see {@link Unknown}). */
    @ExceptionHandler(Unknown.class)
    ResponseEntity<ProblemDetail> unknown(Unknown e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    /** A sort, search or page no query can be built from (see {@link InvalidQuery}). */
    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQuery e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    /**
     * Request parameters bound to strings (a form field, a query value) get {@link SafeText}'s check; query
     * strings and paths are checked by {@link RequestTextFilter} already, form bodies only here.
     */
    @InitBinder
    void refuseUnsafeText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null) {
                    SafeText.problem(text).ifPresent(problem -> {
                        throw new UnsafeText(problem);
                    });
                }
                setValue(text);
            }
        });
        binder.registerCustomEditor(int.class, new DecimalIntegerEditor(false, false));
        binder.registerCustomEditor(Integer.class, new DecimalIntegerEditor(false, true));
        binder.registerCustomEditor(long.class, new DecimalIntegerEditor(true, false));
        binder.registerCustomEditor(Long.class, new DecimalIntegerEditor(true, true));
    }

    /** A parameter's text refused by {@link SafeText}. */
    private static final class UnsafeText extends IllegalArgumentException {

        UnsafeText(String problem) {
            super(problem);
        }
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsafeText unsafe) {
                return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST,
                        "parameter '" + e.getPropertyName() + "' " + unsafe.getMessage()), headers, HttpStatus.BAD_REQUEST, request);
            }
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String detail = name + " must be " + expected(e.getRequiredType()) + ", got '" + shown(e.getValue()) + "'";
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What a parameter of this type takes, in the client's words rather than Java's. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            default -> "a valid " + type.getSimpleName();
        };
    }

    /** The client's value, cut short: it is echoed back, so it must not make the answer large. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A multipart body is parsed before any handler runs, for every route: a broken one is the client's. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, "malformed multipart body"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a handler that reads the raw body (ledger's /update) meets a chunked body's limit here
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
            }
            // Tomcat parses a form body when a parameter is first asked for, and throws on a bad encoding
            if (cause instanceof InvalidParameterException) {
                return ResponseEntity.badRequest()
                        .body(Problems.of(HttpStatus.BAD_REQUEST, "the request's parameters are not valid percent-encoded UTF-8"));
            }
        }
        log.error("unexpected failure on {}", describe(request), e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = "invalid request body";
        }
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // "limit must be less than or equal to 1000, got 5000": the parameter, the rule, the value
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> parameterName(r)
                        + " " + err.getDefaultMessage() + ", got '" + shown(r.getArgument()) + "'"))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                headers.set(HttpHeaders.CONNECTION, "close");
                return handleExceptionInternal(e, Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, unreadable(e)), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** Every problem Spring MVC builds itself (404, 405, 415, type mismatches …) gets the same keys. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.withOriginalKeys(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static String unreadable(HttpMessageNotReadableException e) {
        return e.getCause() instanceof JacksonException json ? Problems.unreadable(json) : "request body is missing or unreadable";
    }

    /** The name the client used: a @RequestParam's or @PathVariable's own, else the Java parameter's. */
    private static String parameterName(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
