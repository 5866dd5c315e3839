package dev.quintet.console;

import dev.quintet.cars.Car;

/** Valid cars for the console's tests, built only from the cars module's public record. */
final class TestCars {

    private TestCars() {
    }

    static Car car(long serial, String owner, String manufacturer, String model) {
        return new Car(owner, serial, 2019L, "C-" + serial, "VIN-" + serial,
                new Car.Engine(1600, 4, 6200, "T"),
                new Car.FuelFigures(60, 48.5, "Combined"),
                new Car.PerformanceFigures(95, new Car.Acceleration(60, 9.4)),
                manufacturer, model, "ACT-" + serial);
    }

    static Car car(long serial) {
        return car(serial, "Owner " + serial, "Toyota", "Corolla");
    }
}
