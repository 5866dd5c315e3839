package dev.quintet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.shop.Shop;
import dev.quintet.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With no admin token set (the default): admin operations are served to loopback clients, the open contracts
 * take writes from curl and from the same origin but refuse a browser's cross-site write, and the console's
 * forms need their CSRF token. Real HTTP over a socket from loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAccessTest {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"csrf-header\" content=\"([^\"]+)\"");
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    final HttpClient client = HttpClient.newHttpClient();
    String base;
    String name;

    @BeforeEach
    void names() {
        base = "http://localhost:" + port;
        name = "security-" + UUID.randomUUID();
    }

    @Test
    void adminOperationsAreServedToLoopbackWithoutAToken() throws Exception {
        HttpResponse<String> reconcile = send(request("/api/ledger/reconcile?repair=false")
                .POST(BodyPublishers.noBody()));
        assertThat(reconcile.statusCode()).isEqualTo(200);
        assertThat(json(reconcile).get("nodes").isArray()).isTrue();

        // the handler answers (no such import), so the request got through
        HttpResponse<String> delete = send(request("/imports/987654").DELETE());
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(json(delete).get("detail").asString()).contains("no import 987654");
    }

    @Test
    void aCurlLikeWriteIsStoredAndSetsNoCookie() throws Exception {
        HttpResponse<String> written = send(update(name).POST(body(name)));
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(written.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(send(request("/get?name=" + name).GET()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "Sec-Fetch-Site, cross-site, Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Site, same-site, Sec-Fetch-Site: same-site",
            "Origin, http://evil.example, Origin: http://evil.example",
            "Origin, http://localhost:1, Origin: http://localhost:1",
            "Origin, null, Origin: null"})
    void aBrowsersCrossSiteWriteToAnOpenContractIsRefusedAndNothingIsStored(String header, String value, String said)
            throws Exception {
        HttpResponse<String> refused = send(update(name).header(header, value).POST(body(name)));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("reason").asString()).isEqualTo("Forbidden");
        assertThat(problem.get("error").asString()).contains("cross-site request refused", said);
        assertThat(problem.get("instance").asString()).isEqualTo("/update");
        assertThat(send(request("/get?name=" + name).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void crossSiteDeletesAndCarWritesAreRefusedToo() throws Exception {
        assertThat(send(request("/records/" + name).header("Sec-Fetch-Site", "cross-site").DELETE()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> car = send(request("/api/cars").header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(BodyPublishers.ofString("{}")));
        assertThat(car.statusCode()).isEqualTo(403);
        // an admin operation from loopback is refused as well when a browser sends it from another site
        assertThat(send(request("/api/ledger/reconcile").header("Sec-Fetch-Site", "cross-site")
                .POST(BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    }

    @Test
    void aSameOriginBrowserWriteIsStored() throws Exception {
        HttpResponse<String> written = send(update(name).header("Origin", base).header("Sec-Fetch-Site", "same-origin")
                .POST(body(name)));
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(send(request("/get?name=" + name).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSiteReadIsAnswered() throws Exception {
        assertThat(send(request("/dump").header("Sec-Fetch-Site", "cross-site").header("Origin", "http://evil.example")
                .GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aConsoleFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> refused = send(consoleAdd(name).POST(form(name, null)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").asString()).contains("CSRF token");
        assertThat(shop.user("console-security", name)).isEmpty();
    }

    @Test
    void aConsoleHtmxPostWithTheTokenFromTheMetaTagIsServed() throws Exception {
        HttpResponse<String> page = send(request("/console/shop").GET());
        String cookie = csrfCookie(page);
        String token = find(META_TOKEN, page.body());
        String header = find(META_HEADER, page.body());

        HttpResponse<String> added = send(consoleAdd(name).header("HX-Request", "true").header("Cookie", cookie)
                .header(header, token).POST(form(name, null)));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(shop.user("console-security", name)).isPresent();
    }

    @Test
    void aConsoleFormPostWithTheHiddenFieldIsServedAndAForgedTokenIsNot() throws Exception {
        HttpResponse<String> page = send(request("/console/shop").GET());
        String cookie = csrfCookie(page);
        String hidden = find(HIDDEN_TOKEN, page.body());

        assertThat(send(consoleAdd(name).header("Cookie", cookie).POST(form(name, "forged"))).statusCode())
                .isEqualTo(403);
        assertThat(shop.user("console-security", name)).isEmpty();

        assertThat(send(consoleAdd(name).header("Cookie", cookie).POST(form(name, hidden))).statusCode())
                .isEqualTo(200);
        assertThat(shop.user("console-security", name)).isPresent();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpRequest.Builder update(String name) {
        return request("/update").header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String name) {
        return BodyPublishers.ofString("{\"name\": \"%s\", \"author\": \"John Smith\", \"timestamp\": 20140812003842}"
                .formatted(name));
    }

    private HttpRequest.Builder consoleAdd(String name) {
        return request("/console/shop/users").header("Content-Type", "application/x-www-form-urlencoded");
    }

    private static HttpRequest.BodyPublisher form(String name, String csrf) {
        String fields = "collection=console-security&age=30&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return BodyPublishers.ofString(csrf == null ? fields : fields + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }

    private static String csrfCookie(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        String setCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.JSON.readTree(response.body());
    }
}
