package dev.quintet.citizens;

import dev.quintet.support.Http;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Citizens as JSON, for tests that speak the wire format. */
final class TestCitizens {

    private TestCitizens() {
    }

    static ObjectNode citizen(int id, String town, String birthDate, int... relatives) {
        ObjectNode c = Http.JSON.createObjectNode();
        c.put("citizen_id", id);
        c.put("town", town);
        c.put("street", "Иосифа Бродского");
        c.put("building", "16к7стр5");
        c.put("apartment", 7);
        c.put("name", "Иванов Иван Иванович");
        c.put("birth_date", birthDate);
        c.put("gender", "male");
        ArrayNode list = c.putArray("relatives");
        for (int r : relatives) {
            list.add(r);
        }
        return c;
    }

    static String importOf(ObjectNode... citizens) {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode list = body.putArray("citizens");
        for (ObjectNode c : citizens) {
            list.add(c);
        }
        return body.toString();
    }

    /** The task's own example: three citizens of Москва and Керчь, two of them relatives. */
    static String example() {
        return importOf(
                citizen(1, "Москва", "26.12.1986", 2),
                citizen(2, "Москва", "01.04.1997", 1),
                citizen(3, "Керчь", "23.11.1986"));
    }
}
