package dev.quintet.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import dev.quintet.platform.QuintetProperties;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. The five original contracts had no authentication and their clients must keep working,
 * so everything is open except:
 * <ul>
 * <li>admin operations, which change the system rather than its data ({@link #ADMIN_OPERATIONS}): they need
 * {@code Authorization: Bearer <QUINTET_ADMIN_TOKEN>}, or, while no token is set, a loopback client;</li>
 * <li>writes a browser sends from another site ({@link CrossSiteWrite}), on every path: refused with 403;</li>
 * <li>the console's own writes, which need its CSRF token (a hidden field, or a header htmx sends).</li>
 * </ul>
 * No sessions, no login page, no HTTP basic: the CSRF token lives in a cookie, so any instance behind a
 * balancer accepts a form another instance rendered.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Every admin operation, in one place: a new admin endpoint is added here (the API docs follow). */
    static final List<AdminOperation> ADMIN_OPERATIONS = List.of(
            new AdminOperation(HttpMethod.POST, "/api/ledger/nodes"),
            new AdminOperation(HttpMethod.DELETE, "/api/ledger/nodes"),
            new AdminOperation(HttpMethod.POST, "/api/ledger/reconcile"),
            new AdminOperation(HttpMethod.DELETE, "/imports/{importId}"));

    /** What the API docs call the admin token. */
    static final String ADMIN_SCHEME = "adminToken";

    /**
     * The console's pages, one per service: the only browser application; everything else is an API whose
     * clients hold no token. Named per service so that the shop's contract keeps answering its own
     * {@code /console/users} (a reserved collection name: 400).
     */
    static final RequestMatcher CONSOLE = new OrRequestMatcher(QuintetProperties.ALL_SERVICES.stream()
            .map(service -> (RequestMatcher) pathPattern("/console/" + service + "/**"))
            .toList());

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties properties, AdminToken adminToken) {
        CrossSiteWrite crossSite = new CrossSiteWrite();
        RequestMatcher admin = new OrRequestMatcher(ADMIN_OPERATIONS.stream().map(AdminOperation::matcher).toList());

        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));

        http.authorizeHttpRequests(requests -> requests
                        // an error page or an async result belongs to a request already let through
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(crossSite).denyAll()
                        .requestMatchers(admin).access(adminRule(properties))
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER, CONSOLE)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(Refusals.crossSiteEntryPoint(crossSite), crossSite)
                                .defaultEntryPoint(Refusals.adminEntryPoint(properties))
                                .build())
                        .accessDeniedHandler(Refusals.accessDenied(crossSite)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);

        if (properties.tokenConfigured()) {
            // only admin operations read the Authorization header: the open contracts ignore it as they always did
            AuthenticationFilter bearer = new AuthenticationFilter(adminToken, adminToken);
            bearer.setRequestMatcher(admin);
            bearer.setSuccessHandler((request, response, authentication) -> {
            });
            bearer.setFailureHandler(Refusals.wrongToken());
            http.addFilterAt(bearer, BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * The admin token as the application's only authentication manager; being a bean, it also keeps Spring
     * Boot from creating a default user with a generated password.
     */
    @Bean
    AdminToken adminToken(AdminProperties properties) {
        return new AdminToken(properties.adminToken());
    }

    /** The docs mark the admin operations, and Swagger UI's "Authorize" sends the token with them. */
    @Bean
    OpenApiCustomizer adminOperationsInTheDocs() {
        return openApi -> {
            openApi.schemaRequirement(ADMIN_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("QUINTET_ADMIN_TOKEN; unset, admin operations are served to loopback clients only"));
            for (AdminOperation admin : ADMIN_OPERATIONS) {
                PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(admin.path());
                Operation operation = path == null ? null
                        : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(admin.method().name()));
                if (operation != null) { // null when the service is not running here
                    operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME));
                }
            }
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> adminRule(AdminProperties properties) {
        if (properties.tokenConfigured()) {
            return AuthorityAuthorizationManager.hasRole(AdminToken.ROLE);
        }
        // X-Forwarded-For is not trusted (server.forward-headers-strategy: none), so this is the socket's peer
        return AuthorizationManagers.anyOf(LOOPBACK.stream()
                .map(IpAddressAuthorizationManager::hasIpAddress)
                .toArray(IpAddressAuthorizationManager[]::new));
    }

    /** An admin operation: a method and a path pattern, as its controller maps it. */
    record AdminOperation(HttpMethod method, String path) {

        RequestMatcher matcher() {
            return pathPattern(method, path);
        }
    }
}
