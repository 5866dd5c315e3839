package dev.quintet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.QuintetProperties;
import dev.quintet.platform.web.RawHttp.Reply;
import dev.quintet.support.SampleBodies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route Spring MVC knows, found in its handler mapping (so a new route is walked without being listed
 * here), gets hostile requests: bad percent-encodings, NUL and lone surrogates in the query, the path and
 * body strings, huge numbers, duplicate keys, malformed JSON, wrong content types, bodies over the limit
 * with a Content-Length and chunked. None may be a 5xx; every refusal is a JSON problem; and nothing is
 * stored (the row count of every table is the same afterwards). {@link HostileInputOnPostgresTest} runs
 * the same on PostgreSQL, where a NUL in text used to be a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SERVICES = Set.copyOf(QuintetProperties.ALL_SERVICES);
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json", "Accept", "*/*");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    RawHttp http;

    /** Plausible values for path variables, by name: what the fixtures below created. */
    final Map<String, String> values = new TreeMap<>();

    /** A valid body per route that takes JSON; each of its leaves is poisoned in turn. */
    final Map<String, String> samples = new TreeMap<>();

    /** A plausible form per route that reads form fields (the console's); each value is poisoned in turn. */
    final Map<String, String> forms = new TreeMap<>();

    @BeforeAll
    void fixtures() {
        http = new RawHttp(port);
        long serial = 7_000_000 + (System.nanoTime() & 0xffff);
        String car = SampleBodies.car(serial);
        assertThat(post("/api/cars", car).status()).isEqualTo(201);
        String citizens = SampleBodies.twoRelatives();
        Reply imported = post("/imports", citizens);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String user = "{\"age\": 30, \"name\": \"hostile\"}";
        assertThat(post("/hostile/users", user).status()).isEqualTo(201);
        String record = "{\"name\": \"hostile\", \"author\": \"John Smith\", \"timestamp\": 20140812003842}";
        assertThat(post("/update", record).status()).isEqualTo(200);

        values.put("serial", String.valueOf(serial));
        values.put("importId", imported.jsonObject().path("data").path("import_id").asString());
        values.put("citizenId", "1");
        values.put("collection_name", "hostile");
        values.put("name", "hostile");
        values.put("id", "1");
        values.put("cityId", "169");
        values.put("hotelId", "1");

        String hotel = """
                {"uid": "h1", "name": "Hotel", "description": "A hotel", "url": "http://localhost/h1", "rating": 4.5,
                 "reviews": 10, "rank": 1, "rank_total": 30, "stars": 4, "city_id": 169}""";
        // a car with a serial that exists: a poisoned variant that happened to be valid would be a 409, not a row
        samples.put("POST /api/cars", car);
        samples.put("POST /imports", citizens);
        samples.put("PATCH /imports/{importId}/citizens/{citizenId}", "{\"name\": \"Иванов Пётр\", \"town\": \"Казань\", \"relatives\": [2]}");
        samples.put("POST /{collection_name}/users", user);
        samples.put("POST /update", record);
        samples.put("POST /api/ledger/nodes", "{\"url\": \"redis://127.0.0.1:6390\"}");
        samples.put("POST /api/hotels/search", "{\"city_id\": 169, \"page\": 1, \"strategy\": \"sequential\"}");
        samples.put("POST /api/hotels/analyze", "{\"city_id\": 169, \"page\": 1}");
        samples.put("POST /api/hotels/selections", "{\"city_id\": 169, \"hotels\": [" + hotel + "]}");
        samples.put("PUT /api/hotels/selected/{id}", hotel);
        forms.put("POST /console/shop/users", "collection=hostile&name=Olga&age=30");
        forms.put("POST /console/hotels/search", "city_id=169&page=1&strategy=sequential");
        forms.put("POST /console/hotels/analyze", "city_id=169&page=1");
        forms.put("POST /console/hotels/select", "search=none&pick=1");
    }

    @Test
    void noRouteAnswersHostileInputWithA5xxOrAnythingButAJsonProblemAndNothingIsStored() {
        Map<String, Long> before = fingerprint();
        List<String> failures = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        Set<String> serviceRoutes = new LinkedHashSet<>();

        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            List<String> methods = declared.isEmpty() ? List.of("GET", "POST") : declared.stream().map(Enum::name).toList();
            boolean readsBody = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            // the sandbox imitates a foreign travel site: its "not found" is a page of that site, by design
            boolean page = info.getProducesCondition().getProducibleMediaTypes().equals(Set.of(MediaType.TEXT_HTML));
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    String route = method + " " + rewrite(pattern, name -> "{" + name + "}");
                    visited.add(route);
                    if (SERVICES.contains(serviceOf(handler))) {
                        serviceRoutes.add(route);
                    }
                    String sample = samples.get(route);
                    walk(new Route(route, method, pattern, readsBody || sample != null, page), sample, forms.get(route), failures);
                }
            }
        }

        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
        // the walk covers what the handler mapping holds, so these bounds fail if it silently finds nothing
        assertThat(visited).hasSizeGreaterThanOrEqualTo(50);
        assertThat(serviceRoutes).hasSizeGreaterThanOrEqualTo(35).containsAll(samples.keySet())
                .contains("GET /api/cars/{serial}", "GET /imports/{importId}/citizens", "GET /{collection_name}/users/{name}",
                        "GET /api/hotels/selected", "GET /get", "GET /dump", "DELETE /records/{name}");
        assertThat(fingerprint()).as("row counts of every table").isEqualTo(before);
    }

    record Route(String name, String method, String pattern, boolean readsBody, boolean page) {
    }

    private void walk(Route r, String sample, String form, List<String> failures) {
        String route = r.name();
        String method = r.method();
        String pattern = r.pattern();
        String path = substitute(pattern, null);
        if (method.equals("GET") && Set.of("GET /api/cars/{serial}", "GET /imports/{importId}/citizens",
                "GET /{collection_name}/users/{name}", "GET /{collection_name}/count").contains(route)) {
            // the substituted values must name things that exist, or the hostile variants below prove little
            Reply plain = http.send(method, path, JSON_TYPE, null, null);
            if (plain.status() != 200) {
                failures.add(route + " [plain " + path + "]: not found with the fixtures' values: " + plain);
            }
        }
        // the query string: bad percent-encodings, NUL, lone surrogates (CESU-8 bytes are not UTF-8)
        for (String query : List.of("name=%ff", "name=%", "name=%zz", "name=%e2%82", "name=%00", "name=%ed%a0%80",
                "%ff=1", "url=%00&name=a", "limit=99999999999999999999&after=1e400")) {
            boolean malformed = !query.startsWith("limit");
            if (!malformed && !method.equals("GET")) {
                continue; // well-formed, so a DELETE would rightly act on it
            }
            check(failures, r, "query " + query, malformed, http.send(method, path + "?" + query, JSON_TYPE, null, null));
        }
        // every path variable in turn: NUL, an encoded slash, a lone surrogate, bad encodings, a huge number
        for (String variable : variables(pattern)) {
            for (String hostile : List.of("%00", "%2F", "%ed%a0%80", "%ff", "%zz", "a%00b", "99999999999999999999", "1e400")) {
                boolean malformed = hostile.contains("%");
                String target = substitute(pattern, Map.of(variable, hostile));
                check(failures, r, "path " + variable + "=" + hostile, malformed, http.send(method, target, JSON_TYPE, null, null));
            }
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        // a multipart body is parsed before any handler runs, so every route meets a broken one
        check(failures, r, "broken multipart", true, http.send(method, path,
                Map.of("Content-Type", "multipart/form-data; boundary=zzz"), "--zzz\r\nbroken".getBytes(StandardCharsets.UTF_8), null));
        // over the limit with a Content-Length: refused before anything is read, whatever the route
        check(failures, r, "Content-Length over the limit", true,
                http.send(method, path, JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8), 300L * 1024 * 1024));
        if (r.readsBody()) {
            // a route that reads no body ignores these, as it should; one that does must refuse every one
            for (Body body : genericBodies()) {
                check(failures, r, "body " + body.label(), true, http.send(method, path, body.headers(), body.bytes(), null));
            }
            if (sample != null) {
                for (Body body : poisoned(sample)) {
                    check(failures, r, "body " + body.label(), true, http.send(method, path, body.headers(), body.bytes(), null));
                }
            }
            if (!route.equals("POST /imports")) {
                byte[] big = new byte[(int) (1.5 * 1024 * 1024)];
                Arrays.fill(big, (byte) ' ');
                big[0] = '[';
                check(failures, r, "chunked over the limit", true, http.send(method, path, JSON_TYPE, big, -1L));
            }
        }
        if (form != null) {
            String[] fields = form.split("&");
            for (int i = 0; i < fields.length; i++) {
                for (String hostile : List.of("%00", "a%00b", "%ed%a0%80", "%ff", "%zz", "%")) {
                    String[] poisoned = fields.clone();
                    poisoned[i] = fields[i].substring(0, fields[i].indexOf('=') + 1) + hostile;
                    check(failures, r, "form " + poisoned[i], true, http.send(method, path,
                            Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "*/*"),
                            String.join("&", poisoned).getBytes(StandardCharsets.UTF_8), null));
                }
            }
        }
    }

    private static void check(List<String> failures, Route route, String variant, boolean mustRefuse, Reply reply) {
        String problem = null;
        if (reply.status() >= 500) {
            problem = "a 5xx";
        } else if (route.page() && !mustRefuse && reply.status() == 404 && reply.contentType().startsWith("text/html")) {
            problem = null;
        } else if (reply.status() >= 400) {
            boolean json = reply.contentType().startsWith("application/problem+json") || reply.contentType().startsWith("application/json");
            if (!json || reply.jsonObject() == null) {
                problem = "a refusal that is not a JSON object";
            }
        } else if (mustRefuse) {
            problem = "accepted";
        }
        if (problem != null) {
            failures.add(route.name() + " [" + variant + "]: " + problem + ": " + reply);
        }
    }

    record Body(String label, String contentType, byte[] bytes) {

        Body(String label, String contentType, String text) {
            this(label, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        Map<String, String> headers() {
            return Map.of("Content-Type", contentType, "Accept", "*/*");
        }
    }

    /** Bodies no route that reads its body may take. */
    private static List<Body> genericBodies() {
        String json = "application/json";
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("truncated", json, "{\"name\":"),
                new Body("empty", json, ""),
                new Body("duplicate keys", json, "{\"name\": \"a\", \"name\": \"b\"}"),
                new Body("escaped NUL", json, "{\"name\": \"a\\u0000b\"}"),
                new Body("lone surrogate", json, "{\"name\": \"\\ud800\"}"),
                new Body("NUL key", json, "{\"na\\u0000me\": 1}"),
                new Body("1e400", json, "[1e400]"),
                new Body("NaN", json, "{\"a\": NaN}"),
                new Body("huge integer", json, "99999999999999999999"),
                new Body("trailing garbage", json, "{} x"),
                new Body("null", json, "null"),
                new Body("bad charset", "application/json; charset=nope", "{}"),
                new Body("malformed content type", ";;;", "{}"),
                new Body("text/plain", "text/plain", "{}"),
                new Body("xml", "application/xml", "<a/>"),
                new Body("form with bad encoding", "application/x-www-form-urlencoded", "name=%ff&age=%zz&city_id=%"),
                new Body("form with NUL", "application/x-www-form-urlencoded", "name=%00&url=%00&q=%ed%a0%80")));
        bodies.add(new Body("raw NUL byte", json, "{\"name\": \"a\0b\"}"));
        bodies.add(new Body("invalid UTF-8", json, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', '}'}));
        bodies.add(new Body("CESU-8 surrogate", json, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}));
        return bodies;
    }

    /** The sample with one leaf poisoned at a time, plus a duplicated key and a key with NUL at every object. */
    private static List<Body> poisoned(String sample) {
        JsonNode root = JSON.readTree(sample);
        List<Body> bodies = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        leaves(root, "", pointers);
        for (String pointer : pointers) {
            JsonNode leaf = root.at(pointer);
            List<String> replacements = leaf.isString()
                    ? List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\u0000\"")
                    : List.of("1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "\"NaN\"", "\"Infinity\"");
            for (String replacement : replacements) {
                String text = replace(root, pointer, "\"__POISON__\"").replace("\"__POISON__\"", replacement);
                bodies.add(new Body(pointer + "=" + replacement, "application/json", text));
            }
        }
        if (root instanceof ObjectNode object && !object.isEmpty()) {
            String first = object.propertyNames().iterator().next();
            String text = root.toString();
            bodies.add(new Body("duplicate " + first, "application/json",
                    "{\"" + first + "\": " + object.get(first) + ", " + text.substring(1)));
            bodies.add(new Body("NUL key", "application/json", "{\"x\\u0000\": 1, " + text.substring(1)));
        }
        return bodies;
    }

    private static void leaves(JsonNode node, String pointer, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> leaves(object.get(name), pointer + "/" + name, pointers));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                leaves(array.get(i), pointer + "/" + i, pointers);
            }
        } else if (node.isString() || node.isNumber()) {
            pointers.add(pointer);
        }
    }

    private static String replace(JsonNode root, String pointer, String marker) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode value = JSON.readTree(marker);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy.toString();
    }

    private String substitute(String pattern, Map<String, String> overrides) {
        return rewrite(pattern.replace("/**", "/x").replace("/*", "/x"), name ->
                overrides != null && overrides.containsKey(name) ? overrides.get(name) : values.getOrDefault(name, "1"));
    }

    /** The pattern with each {variable} (its regex may hold braces of its own: {n:[a-z]{1,64}}) replaced. */
    private static String rewrite(String pattern, Function<String, String> value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '{') {
                out.append(c);
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < pattern.length(); end++) {
                depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = pattern.substring(i + 1, end).replaceFirst("^\\*", "");
            int colon = variable.indexOf(':');
            out.append(value.apply(colon < 0 ? variable : variable.substring(0, colon)));
            i = end;
        }
        return out.toString();
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        rewrite(pattern, name -> {
            names.add(name);
            return "";
        });
        return names;
    }

    private static String serviceOf(HandlerMethod handler) {
        String name = handler.getBeanType().getPackageName();
        return name.startsWith("dev.quintet.") ? name.substring("dev.quintet.".length()).split("\\.")[0] : "";
    }

    private Reply post(String path, String json) {
        return http.send("POST", path, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The number of rows in every table but the ones that change by themselves (migration history, the outbox). */
    private Map<String, Long> fingerprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                order by table_name""").query(String.class).list();
        for (String table : tables) {
            if (table.startsWith("flyway_history") || table.startsWith("event_publication")) {
                continue;
            }
            counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
        }
        assertThat(counts).as("tables found").hasSizeGreaterThanOrEqualTo(8);
        return counts;
    }
}
