package dev.quintet.citizens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the citizens service ({@code QUINTET_CITIZENS_MAX_IMPORT=200MB}).
 *
 * @param maxImport the largest body {@code POST /imports} accepts; the task's largest valid import is ~63 MB
 */
@ConfigurationProperties("quintet.citizens")
record CitizensSettings(@DefaultValue("128MB") DataSize maxImport) {
}
