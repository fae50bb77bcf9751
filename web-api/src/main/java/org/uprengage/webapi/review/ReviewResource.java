package org.uprengage.webapi.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A State's review in one WG session. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReviewResource(
    UUID id,
    @Schema(description = "ISO 3166-1 alpha-3 code of the State under Review", example = "GHA")
        String country,
    @Schema(description = "UPR Working Group session number", example = "42") int session,
    String startedBy,
    Instant startedAt,
    @Schema(allowableValues = {"ACTIVE", "COMPLETED"}) String state,
    @Schema(description = "the State's review this one took over from") UUID previousReviewId,
    @Schema(description = "the State's next review, once this one handed over to it")
        UUID nextReviewId) {}
