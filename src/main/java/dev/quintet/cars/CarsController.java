package dev.quintet.cars;

import dev.quintet.platform.Instance;
import dev.quintet.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The original soldcars HTTP contract: paths, status codes and bodies, nothing else. */
@RestController
@Tag(name = "cars", description = "Store of sold cars")
class CarsController {

    private final Cars cars;
    private final Instance instance;

    CarsController(Cars cars, Instance instance) {
        this.cars = cars;
        this.instance = instance;
    }

    @GetMapping("/api/cars/{serial}")
    @Operation(summary = "The car with this serial number, as stored")
    Car get(@PathVariable @Parameter(description = "serial number, 0..4294967295") String serial) {
        long number = parseSerial(serial);
        return cars.find(number).orElseThrow(() -> ApiException.notFound("no car with serial " + number));
    }

    @PostMapping("/api/cars")
    @Operation(summary = "Store a car; 409 when its serial is taken")
    ResponseEntity<Map<String, Long>> add(@Valid @RequestBody Car car) {
        try {
            cars.add(car);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("a car with serial " + car.serialNumber() + " is stored already");
        }
        return ResponseEntity.created(URI.create("/api/cars/" + car.serialNumber()))
                .body(Map.of("serial", car.serialNumber()));
    }

    @GetMapping("/api/cars")
    @Operation(summary = "A page of cars in serial order, after the serial given")
    Page list(@RequestParam(defaultValue = "10") @Parameter(description = "1..1000") int limit,
              @RequestParam(defaultValue = "-1") @Parameter(description = "list serials greater than this") long after) {
        if (limit < 1 || limit > Cars.MAX_PAGE) {
            throw ApiException.badRequest("limit must be between 1 and " + Cars.MAX_PAGE + ", got " + limit);
        }
        List<Car> page = cars.page(after, limit);
        Long next = page.size() == limit ? page.getLast().serialNumber() : null;
        return new Page(page, next);
    }

    @GetMapping("/api/hostname")
    @Operation(summary = "Which instance answered")
    Map<String, String> hostname() {
        return Map.of("host", instance.name());
    }

    /** A page of cars; {@code nextAfter} is the {@code after} of the next page, or null on the last one. */
    record Page(List<Car> cars, Long nextAfter) {
    }

    private static long parseSerial(String text) {
        try {
            long serial = Long.parseLong(text);
            if (serial >= 0 && serial <= Car.UINT32) {
                return serial;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same words as a number out of range
        }
        throw ApiException.badRequest("serial must be an integer between 0 and " + Car.UINT32 + ", got '" + text + "'");
    }
}
