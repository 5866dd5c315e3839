package dev.quintet.shop;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's paths with a collection name that cannot be one ({@code /api/users}, {@code /a.b/count}): a
 * clear 400 naming the problem. This mapping is asked after the annotated controllers (order 10, they are
 * 0) and before the static resources, so a path another service serves ({@code /imports/7/citizens},
 * ledger's {@code /get/...}) still reaches that service; only what nobody else answers is refused here.
 */
@Component
class InvalidCollectionNames extends AbstractHandlerMapping {

    private static final Pattern SHOP_PATH = Pattern.compile("/([^/]+)/(?:count|users|users/[^/]+)");

    private final JsonMapper json;

    InvalidCollectionNames(JsonMapper json) {
        this.json = json;
        setOrder(10);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = SHOP_PATH.matcher(path);
        if (!m.matches() || !(method.equals("GET") || (method.equals("POST") && path.endsWith("/users")))) {
            return null;
        }
        String name = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<String> refused = CollectionNames.problem(name);
        if (refused.isEmpty()) {
            return null; // a valid name: not this mapping's request
        }
        String problem = refused.get();
        return (HttpRequestHandler) (req, response) -> {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), Map.of("detail", problem));
        };
    }
}
