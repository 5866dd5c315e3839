package dev.quintet.shop;

import dev.quintet.platform.web.ApiException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The original (FastAPI) answered its own refusals as {@code {"detail": "..."}}, e.g.
 * {@code {"detail": "User ly5000 not found"}}; the shop keeps that shape. Malformed bodies are answered
 * by the platform as problems, which carry a {@code detail} too.
 */
@RestControllerAdvice(assignableTypes = ShopController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShopErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, String>> refused(ApiException e) {
        return detail(e.status().value(), e.getMessage());
    }

    static ResponseEntity<Map<String, String>> detail(int status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("detail", detail));
    }
}
