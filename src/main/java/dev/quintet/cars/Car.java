package dev.quintet.cars;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sold car, field for field the original's document. Every field is required; strings have 3..255
 * characters; integers are unsigned with the width in their comment; unknown fields are refused by the
 * JSON reader.
 */
public record Car(
        @NotNull @Size(min = 3, max = 255) String ownerName,
        @NotNull @Min(0) @Max(Car.UINT32) Long serialNumber,
        @NotNull @Min(0) @Max(Car.UINT32) Long modelYear,
        @NotNull @Size(min = 3, max = 255) String code,
        @NotNull @Size(min = 3, max = 255) String vehicleCode,
        @NotNull @Valid Engine engine,
        @NotNull @Valid FuelFigures fuelFigures,
        @NotNull @Valid PerformanceFigures performanceFigures,
        @NotNull @Size(min = 3, max = 255) String manufacturer,
        @NotNull @Size(min = 3, max = 255) String model,
        @NotNull @Size(min = 3, max = 255) String activationCode) {

    static final long UINT32 = 4_294_967_295L;
    static final long UINT16 = 65_535;
    static final long UINT8 = 255;

    public record Engine(
            @NotNull @Min(0) @Max(UINT16) Integer capacity,
            @NotNull @Min(0) @Max(UINT8) Integer numCylinders,
            @NotNull @Min(0) @Max(UINT16) Integer maxRpm,
            @NotNull @Size(max = 1) String manufacturerCode) {
    }

    public record FuelFigures(
            @NotNull @Min(0) @Max(UINT16) Integer speed,
            @NotNull Double mpg,
            @NotNull @Size(min = 3, max = 255) String usageDescription) {
    }

    public record PerformanceFigures(
            @NotNull @Min(0) @Max(UINT16) Integer octaneRating,
            @NotNull @Valid Acceleration acceleration) {
    }

    public record Acceleration(
            @NotNull @Min(0) @Max(UINT16) Integer mph,
            @NotNull Double seconds) {
    }
}
