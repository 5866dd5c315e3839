package dev.quintet.cars;

import dev.quintet.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid car documents for tests, and a way to change one field of one. */
final class TestCars {

    private TestCars() {
    }

    static ObjectNode document(long serial) {
        return (ObjectNode) Http.JSON.readTree("""
                {
                  "ownerName": "Anna Ivanova",
                  "serialNumber": %d,
                  "modelYear": 2019,
                  "code": "C-001",
                  "vehicleCode": "VIN-123",
                  "engine": {"capacity": 1600, "numCylinders": 4, "maxRpm": 6500, "manufacturerCode": "T"},
                  "fuelFigures": {"speed": 90, "mpg": 41.5, "usageDescription": "Combined"},
                  "performanceFigures": {"octaneRating": 95, "acceleration": {"mph": 60, "seconds": 9.8}},
                  "manufacturer": "Toyota",
                  "model": "Corolla",
                  "activationCode": "ACT-42"
                }""".formatted(serial));
    }

    static Car car(long serial) {
        return Http.JSON.treeToValue(document(serial), Car.class);
    }

    /** The document with the field at a dotted path ({@code engine.capacity}) set to the JSON {@code value}, or removed when null. */
    static ObjectNode with(ObjectNode document, String path, String value) {
        ObjectNode copy = document.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String field = parts[parts.length - 1];
        if (value == null) {
            parent.remove(field);
        } else {
            JsonNode node = Http.JSON.readTree(value);
            parent.set(field, node);
        }
        return copy;
    }
}
