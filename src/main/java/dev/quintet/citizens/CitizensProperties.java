package dev.quintet.citizens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the citizens service ({@code QUINTET_CITIZENS_MAX_IMPORT=200MB}).
 *
 * @param maxImport         the largest body {@code POST /imports} accepts; the task's largest valid import is ~63 MB
 * @param largeImport       an import body of at least this size, or of a length not declared (chunked), is large:
 *                          parsed and validated, it takes several times its size in memory
 * @param largeImportsAtOnce how many large imports one instance takes in at a time; the others wait
 * @param largeImportWait   how long a large import waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("quintet.citizens")
record CitizensProperties(
        @DefaultValue("128MB") DataSize maxImport,
        @DefaultValue("1MB") DataSize largeImport,
        @DefaultValue("1") int largeImportsAtOnce,
        @DefaultValue("10s") Duration largeImportWait) {
}
