package dev.quintet.cars;

import dev.quintet.platform.Instance;
import dev.quintet.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /** The original's words for a serial out of range; a serial that is no integer at all gets "must be an integer". */
    private static final String SERIAL_RANGE = "must be an integer between 0 and " + Car.UINT32;

    private final Cars cars;
    private final Instance instance;

    CarsController(Cars cars, Instance instance) {
        this.cars = cars;
        this.instance = instance;
    }

    @GetMapping("/api/cars/{serial}")
    @Operation(summary = "The car with this serial number, as stored")
    Car get(@PathVariable @Min(value = 0, message = SERIAL_RANGE) @Max(value = Car.UINT32, message = SERIAL_RANGE)
            @Parameter(description = "serial number, 0..4294967295") long serial) {
        return cars.find(serial).orElseThrow(() -> ApiException.notFound("no car with serial " + serial));
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
    Page list(@RequestParam(defaultValue = "10") @Min(1) @Max(Cars.MAX_PAGE) @Parameter(description = "1..1000") int limit,
              @RequestParam(defaultValue = "-1") @Parameter(description = "list serials greater than this") long after) {
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
}
