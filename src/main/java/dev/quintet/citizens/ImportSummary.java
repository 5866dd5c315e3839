package dev.quintet.citizens;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** One import in the list of imports. */
record ImportSummary(
        @JsonProperty("import_id") long importId,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("citizens") int citizens) {
}
