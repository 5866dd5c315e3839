package dev.quintet.support;

/**
 * One valid request body per service, for tests that write to every service at once (pool recycling,
 * shutdown, hostile input). The services' own tests keep richer fixtures of their own.
 */
public final class SampleBodies {

    private SampleBodies() {
    }

    /** A car that every rule of the cars contract accepts. */
    public static String car(long serial) {
        return """
                {"ownerName": "Anna Ivanova", "serialNumber": %d, "modelYear": 2019, "code": "C-001",
                 "vehicleCode": "VIN-123",
                 "engine": {"capacity": 1600, "numCylinders": 4, "maxRpm": 6500, "manufacturerCode": "T"},
                 "fuelFigures": {"speed": 90, "mpg": 41.5, "usageDescription": "Combined"},
                 "performanceFigures": {"octaneRating": 95, "acceleration": {"mph": 60, "seconds": 9.8}},
                 "manufacturer": "Toyota", "model": "Corolla", "activationCode": "ACT-42"}""".formatted(serial);
    }

    /** An import of two citizens (ids 1 and 2) who are each other's relatives. */
    public static String twoRelatives() {
        return """
                {"citizens": [
                 {"citizen_id": 1, "town": "Москва", "street": "Льва Толстого", "building": "16к7стр5", "apartment": 7,
                  "name": "Иванов Иван", "birth_date": "26.12.1986", "gender": "male", "relatives": [2]},
                 {"citizen_id": 2, "town": "Москва", "street": "Льва Толстого", "building": "16к7стр5", "apartment": 7,
                  "name": "Иванова Анна", "birth_date": "01.04.1997", "gender": "female", "relatives": [1]}]}""";
    }

    /** A selection of one hotel of the city {@code cityId}, which must exist. */
    public static String hotelSelection(String uid, long cityId) {
        return """
                {"city_id": %d, "hotels": [{"uid": "%s", "name": "Hotel", "description": "Quiet",
                 "url": "https://example.org/h/1", "rating": 4.5, "reviews": 10, "rank": 1, "rank_total": 30,
                 "stars": 4, "city_id": %d}]}""".formatted(cityId, uid, cityId);
    }
}
