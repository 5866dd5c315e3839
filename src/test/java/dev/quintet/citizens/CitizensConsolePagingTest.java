package dev.quintet.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.Http.Response;
import dev.quintet.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The citizens page shows an import larger than one page a page at a time, and its pager's htmx requests
 * answer the next and previous pages alone, relatives included across the pages' edges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizensConsolePagingTest {

    static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"num\">(\\d+)</td>.*?</tr>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    Http http;
    long importId;

    /** 60 citizens, ids 7, 14, ... 420; the 25th (175) and the 26th (182) are relatives, across the first page's edge. */
    @BeforeEach
    void anImportOfThreePages() {
        http = new Http(port);
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode citizens = body.putArray("citizens");
        for (int i = 1; i <= 60; i++) {
            ObjectNode c = citizens.addObject().put("citizen_id", 7 * i).put("town", "Керчь").put("street", "Мира")
                    .put("building", "1").put("apartment", i).put("name", "Citizen " + i).put("birth_date", "01.02.1990")
                    .put("gender", "female");
            ArrayNode relatives = c.putArray("relatives");
            if (i == 25) {
                relatives.add(182);
            } else if (i == 26) {
                relatives.add(175);
            }
        }
        Response created = http.post("/imports", body.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        importId = created.json().get("data").get("import_id").asLong();
    }

    @Test
    void thePageShowsOnePageAndItsPagerFetchesTheOthers() {
        Response first = http.get("/console/citizens?import=" + importId, "text/html");
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.body())).isEqualTo(range(1, 25));
        assertThat(first.body()).contains("60 in all, page 1 of 3").contains("id=\"citizens-next\"")
                .doesNotContain("id=\"citizens-previous\"")
                .contains("hx-get=\"/console/citizens/list?import=" + importId + "&amp;page=1\"");
        assertThat(first.body()).containsPattern("(?s)<td class=\"num\">175</td>((?!</tr>).)*<td>182</td>");

        Response second = http.get("/console/citizens/list?import=" + importId + "&page=1", "text/html");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).startsWith("<section").doesNotContain("<html").doesNotContain("presents-chart");
        assertThat(ids(second.body())).isEqualTo(range(26, 50));
        assertThat(second.body()).contains("page 2 of 3").contains("id=\"citizens-previous\"").contains("id=\"citizens-next\"");
        assertThat(second.body()).containsPattern("(?s)<td class=\"num\">182</td>((?!</tr>).)*<td>175</td>");

        Response last = http.get("/console/citizens/list?import=" + importId + "&page=2", "text/html");
        assertThat(ids(last.body())).isEqualTo(range(51, 60));
        assertThat(last.body()).contains("page 3 of 3").doesNotContain("id=\"citizens-next\"");

        // past the end: the last page; an unknown import: 404
        assertThat(ids(http.get("/console/citizens/list?import=" + importId + "&page=99", "text/html").body())).isEqualTo(range(51, 60));
        assertThat(http.get("/console/citizens/list?import=987654&page=0", "text/html").status()).isEqualTo(404);
    }

    static List<Integer> ids(String html) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return ids;
    }

    static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(7 * i);
        }
        return ids;
    }
}
