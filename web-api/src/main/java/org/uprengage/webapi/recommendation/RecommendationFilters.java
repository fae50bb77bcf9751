package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** The filters and the sort of a list of recommendations, from the query; each may be left out. */
record RecommendationFilters(
    @Schema(description = "the theme heading or any of the themes, as written")
        @Size(min = 1, max = 200)
        String theme,
    @Schema(description = "a group of persons, as written") @Size(min = 1, max = 200) String group,
    @Schema(description = "an SDG goal, 1 to 17")
        @Pattern(regexp = "[1-9]|1[0-7]", message = "must be an SDG goal from 1 to 17")
        String sdg,
    @Pattern(
            regexp = "pending|supported|noted|supported/noted",
            message = "must be one of pending, supported, noted, supported/noted")
        String position,
    @Schema(
            description =
                "a recommending State's ISO 3166-1 alpha-3 code, or its name as published")
        @Size(min = 1, max = 200)
        String state,
    @Schema(
            description = "its implementation status",
            allowableValues = {
              "not-started",
              "in-progress",
              "partially-implemented",
              "implemented",
              "not-applicable"
            })
        @Pattern(
            regexp = RecommendationResources.STATUSES,
            message = RecommendationResources.STATUSES_MESSAGE)
        String status,
    @Schema(description = "the code of the agency that leads on it, such as UNICEF")
        @Size(min = 1, max = 32)
        String leadAgency,
    @Schema(description = "words the text contains, in any case") @Size(min = 1, max = 200)
        String text,
    @Schema(
            description = "paragraph (default; 121.10 after 121.9), position or theme",
            allowableValues = {"paragraph", "position", "theme"})
        @Pattern(
            regexp = "paragraph|position|theme",
            message = "must be one of paragraph, position, theme")
        String sort) {

  /** The filters given, by query parameter name, in a fixed order. */
  Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("theme", theme);
    given.put("group", group);
    given.put("sdg", sdg);
    given.put("position", position);
    given.put("state", state);
    given.put("status", status);
    given.put("leadAgency", leadAgency);
    given.put("text", text);
    given.put("sort", sort);
    given.values().removeIf(value -> value == null);
    return given;
  }
}
