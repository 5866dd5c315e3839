package dev.quintet.hotels;

import dev.quintet.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The hotels service's own exceptions as the platform's problems: a refused hotel is a 400 with the culprit
 * {@code field} as a key of its own, a taken uid a 409; an {@link UnknownSelectedHotel} is the platform's 404.
 */
@RestControllerAdvice(assignableTypes = HotelsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HotelsErrors {

    @ExceptionHandler(InvalidHotel.class)
    ResponseEntity<ProblemDetail> invalid(InvalidHotel e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TakenUid.class)
    ResponseEntity<ProblemDetail> taken(TakenUid e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, e.getMessage()));
    }
}
