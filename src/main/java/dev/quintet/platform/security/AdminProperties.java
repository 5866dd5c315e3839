package dev.quintet.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key to the admin operations ({@code QUINTET_ADMIN_TOKEN}).
 *
 * @param adminToken what clients send as {@code Authorization: Bearer <token>}; empty means admin operations
 *                   are served to loopback clients only
 */
@ConfigurationProperties("quintet")
public record AdminProperties(@DefaultValue("") String adminToken) {

    public boolean tokenConfigured() {
        return !adminToken.isBlank();
    }

    /** The mode in words, for the startup report. */
    public String mode() {
        return tokenConfigured()
                ? "admin operations need Authorization: Bearer <QUINTET_ADMIN_TOKEN>"
                : "admin operations are served to loopback clients only (QUINTET_ADMIN_TOKEN is unset)";
    }
}
