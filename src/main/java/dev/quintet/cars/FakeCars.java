package dev.quintet.cars;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Plausible fake cars, the same car for the same serial every time (the generator is seeded by it).
 * The original set modelYear to the serial; these have real years, makers and models.
 */
final class FakeCars {

    private record Make(String name, String code, List<String> models) {
    }

    private static final List<Make> MAKES = List.of(
            new Make("Toyota", "T", List.of("Corolla", "Camry", "RAV4", "Prius", "Yaris")),
            new Make("Volkswagen", "V", List.of("Golf", "Passat", "Polo", "Tiguan")),
            new Make("Ford", "F", List.of("Focus", "Fiesta", "Mondeo", "Mustang", "Kuga")),
            new Make("Honda", "H", List.of("Civic", "Accord", "Jazz", "CR-V")),
            new Make("BMW", "B", List.of("320d", "520i", "X3 xDrive20d", "X5 xDrive40i")),
            new Make("Renault", "R", List.of("Clio", "Megane", "Captur", "Scenic")),
            new Make("Skoda", "S", List.of("Octavia", "Fabia", "Superb", "Kodiaq")),
            new Make("Kia", "K", List.of("Rio", "Ceed", "Sportage", "Picanto")),
            new Make("Volvo", "", List.of("V60", "XC60", "XC90", "S90")));

    private static final List<String> FIRST = List.of("Anna", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Greta",
            "Hiro", "Ines", "Jonas", "Katya", "Lars", "Maria", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tanya");
    private static final List<String> LAST = List.of("Ivanova", "Smith", "Kowalski", "Novak", "Petrov", "Larsen",
            "Garcia", "Müller", "Rossi", "Tanaka", "Dubois", "Jensen", "Horvat", "Silva", "Sokolov", "Berg");
    private static final List<String> USAGE = List.of("Urban", "Extra urban", "Combined", "Motorway", "Mixed cycle");

    private FakeCars() {
    }

    static Car car(long serial) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(serial);
        Make make = pick(random, MAKES);
        String model = pick(random, make.models());
        int year = 1995 + random.nextInt(31);
        int cylinders = pick(random, List.of(3, 4, 4, 4, 6, 8));
        return new Car(
                pick(random, FIRST) + " " + pick(random, LAST),
                serial,
                (long) year,
                "C" + String.format("%08d", random.nextInt(100_000_000)),
                "VIN-" + Long.toString(Math.abs(random.nextLong()) % 2_000_000_000_000L, 36).toUpperCase(),
                new Car.Engine(900 + random.nextInt(41) * 100, cylinders, 5000 + random.nextInt(31) * 100, make.code()),
                new Car.FuelFigures(50 + random.nextInt(81), round(25 + random.nextDouble() * 40), pick(random, USAGE)),
                new Car.PerformanceFigures(pick(random, List.of(91, 95, 98)),
                        new Car.Acceleration(60, round(5 + random.nextDouble() * 9))),
                make.name(),
                model,
                "ACT-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36).toUpperCase());
    }

    private static <T> T pick(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
