package dev.quintet.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Authenticates the admin by the bearer token: reads {@code Authorization: Bearer <token>} and compares it
 * with the configured one in constant time (both are hashed first, so not even the length leaks).
 */
final class AdminToken implements AuthenticationConverter, AuthenticationManager {

    static final String ROLE = "ADMIN";
    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    AdminToken(String token) {
        this.expected = digest(token);
    }

    /** The token a request carries, or null when it carries none (the request stays anonymous). */
    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.unauthenticated("admin", header.substring(BEARER.length()).strip());
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String token) || !MessageDigest.isEqual(expected, digest(token))) {
            throw new BadCredentialsException("the admin token is wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
