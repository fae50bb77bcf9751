package org.uprengage.webapi.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The register's resources as the API documents them. */
final class RecommendationResources {

  static final String POSITIONS = "pending|supported|noted|supported/noted";
  static final String STATUSES =
      "not-started|in-progress|partially-implemented|implemented|not-applicable";
  static final String STATUSES_MESSAGE =
      "must be one of not-started, in-progress, partially-implemented, implemented, not-applicable";
  static final String POSITIONS_MESSAGE =
      "must be one of pending, supported, noted, supported/noted";

  private RecommendationResources() {}

  /** A form upload of a list: the file in the part {@code file}. */
  record Upload(
      @Schema(
              type = "string",
              format = "binary",
              description = "the thematic list (.docx) or the CSV",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String file) {}

  /** What an import did. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImportResult(
      @Schema(
              allowableValues = {"docx", "csv"},
              description = "the format the list was read as")
          String format,
      @Schema(description = "recommendations new to the register") int added,
      @Schema(description = "known paragraph numbers whose content the list changed") int updated,
      @Schema(description = "recommendations the register already held as listed") int unchanged,
      @Schema(description = "every row not taken, with the reason; the rest were taken")
          List<RejectedRow> rejected,
      @Schema(description = "how many recommendations the review's register holds now")
          int recommendations) {}

  /** One row of a list that was not taken. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RejectedRow(
      @Schema(
              description =
                  "the CSV line the record starts on (the header is line 1), or the row of the"
                      + " Word table (its header row is row 1)")
          int row,
      @Schema(description = "the paragraph number the row gave, where it gave one")
          String paragraph,
      String reason) {}

  /** One bounded page of recommendations. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RecommendationPage(List<Recommendation> items, int page, int size, long total) {}

  /** One recommendation of a review. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Recommendation(
      UUID id,
      UUID reviewId,
      @Schema(
              description = "the mechanism that made it; UPR for now",
              allowableValues = {"UPR", "treaty-body", "special-procedure"})
          String mechanism,
      @Schema(description = "the paragraph number in the WG report, such as 121.1")
          String paragraph,
      String text,
      List<RecommendingState> recommendingStates,
      @Schema(description = "the theme heading the list placed it under") String themeHeading,
      List<String> themes,
      List<String> groupsOfPersons,
      @Schema(description = "SDG goals, 1 to 17") List<Integer> sdgs,
      @Schema(allowableValues = {"pending", "supported", "noted", "supported/noted"})
          String position,
      PositionSource positionSource,
      @Schema(description = "the agency that leads on it; absent while nobody is assigned")
          String leadAgency,
      @Schema(description = "the agencies supporting the lead") List<String> supportingAgencies,
      @Schema(
              description =
                  "its implementation status, as the latest counted progress update gives it",
              allowableValues = {
                "not-started",
                "in-progress",
                "partially-implemented",
                "implemented",
                "not-applicable"
              })
          String status,
      @Schema(description = "the date that update describes; absent while none counts")
          LocalDate statusAsOf,
      String updatedBy,
      Instant updatedAt) {}

  /** A recommending State as published, with its ISO 3166-1 alpha-3 code where it is a State. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RecommendingState(
      @Schema(example = "Bolivia (Plurinational State of)") String name,
      @Schema(description = "absent where the name is not a State's", example = "BOL")
          String code) {}

  /** Where the State gave its position. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PositionSource(
      @Schema(example = "A/HRC/43/15/Add.1") @Size(max = 100) String symbol,
      @Schema(description = "the paragraph, such as 3; absent where the list names none")
          @Size(max = 32)
          String paragraph) {}

  /** A position and where the State gave it. */
  record PositionUpdate(
      @Schema(
              allowableValues = {"pending", "supported", "noted", "supported/noted"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          @Pattern(regexp = POSITIONS, message = POSITIONS_MESSAGE)
          String position,
      @Schema(description = "required but for pending") @Valid PositionSource source) {}

  /** Positions on many recommendations. */
  record PositionUpdates(
      @Schema(description = "the source of the positions that do not give their own") @Valid
          PositionSource source,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Size(min = 1, max = 1000)
          List<PositionUpdateItem> positions) {}

  /** The position on one recommendation, named by its paragraph number. */
  record PositionUpdateItem(
      @Schema(
              description = "the paragraph number in the WG report, such as 121.1",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String paragraph,
      @Schema(
              allowableValues = {"pending", "supported", "noted", "supported/noted"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String position,
      PositionSource source) {}

  /** What became of each position asked for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PositionResults(
      long changed, long unchanged, long rejected, List<PositionResult> results) {}

  /** What became of one position, in the order asked. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PositionResult(
      String paragraph,
      @Schema(allowableValues = {"changed", "unchanged", "rejected"}) String result,
      @Schema(description = "the input at fault, where rejected", example = "source.symbol")
          String field,
      @Schema(description = "why it was rejected") String reason) {}

  /** The agencies for one recommendation: the lead and those supporting it. */
  record AssignmentUpdate(
      @Schema(
              description = "the code of the agency that leads, such as UNICEF (GET /api/agencies)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          @Size(min = 1, max = 32)
          String leadAgency,
      @Schema(description = "the codes of the agencies supporting it; none if left out")
          @Size(max = 20)
          List<@NotNull @Size(min = 1, max = 32) String> supportingAgencies) {}

  /**
   * The agencies for many recommendations, and which: a list of paragraph numbers, a theme or an
   * SDG goal (exactly one).
   */
  record AssignmentUpdates(
      @Schema(
              description = "the code of the agency that leads, such as UNICEF (GET /api/agencies)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          @Size(min = 1, max = 32)
          String leadAgency,
      @Schema(description = "the codes of the agencies supporting it; none if left out")
          @Size(max = 20)
          List<@NotNull @Size(min = 1, max = 32) String> supportingAgencies,
      @Schema(description = "the paragraph numbers of the recommendations, as in the WG report")
          @Size(min = 1, max = 1000)
          List<String> paragraphs,
      @Schema(description = "every recommendation with this theme heading or theme, as written")
          @Size(min = 1, max = 200)
          String theme,
      @Schema(description = "every recommendation with this SDG goal, 1 to 17") @Min(1) @Max(17)
          Integer sdg) {}

  /** What became of each recommendation an assignment named. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AssignmentResults(
      long changed,
      long unchanged,
      long rejected,
      @Schema(
              description =
                  "paragraphs refused first (field paragraphs, with the reason), in the order"
                      + " asked, then the others in the register's order")
          List<PositionResult> results) {}

  /** What the lead agency reports on a recommendation. */
  record ProgressReport(
      @Schema(
              allowableValues = {
                "not-started",
                "in-progress",
                "partially-implemented",
                "implemented",
                "not-applicable"
              },
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          @Pattern(regexp = STATUSES, message = STATUSES_MESSAGE)
          String status,
      @Schema(description = "what was done, in words", requiredMode = Schema.RequiredMode.REQUIRED)
          @NotBlank
          @Size(max = 10_000)
          String narrative,
      @Schema(description = "links (http or https) to what shows it; at most 20") @Size(max = 20)
          List<@NotNull @Size(max = 2000) String> evidence,
      @Schema(
              description = "the date the update describes: today or earlier",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          LocalDate asOf) {}

  /** One progress update on a recommendation, as kept. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProgressUpdate(
      UUID id,
      UUID recommendationId,
      @Schema(description = "the lead agency it was reported for") String agency,
      String status,
      String narrative,
      List<String> evidence,
      LocalDate asOf,
      String reportedBy,
      Instant reportedAt,
      @Schema(
              description =
                  "not-required and cleared updates count; pending ones wait for a head of office"
                      + " of the agency, returned ones never count",
              allowableValues = {"not-required", "pending", "cleared", "returned"})
          String clearance,
      String clearedBy,
      Instant clearedAt,
      @Schema(description = "why it was returned, or what the head of office added")
          String clearanceComment) {}

  /** A head of office's decision on a pending progress update. */
  record ClearanceDecision(
      @Schema(
              allowableValues = {"clear", "return"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          @NotNull
          @Pattern(regexp = "clear|return", message = "must be clear or return")
          String decision,
      @Schema(description = "required to return an update: what to change") @Size(max = 2000)
          String comment) {}

  /** How a country team follows up its recommendations. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImplementationSetting(
      String countryTeam,
      @Schema(description = "whether a head of office clears an agency's update before it counts")
          Boolean progressClearance,
      @Schema(description = "every how many months an implementation round opens (1-24)")
          Integer roundMonths) {}

  /** The settings to change; a field left out stays as it is. */
  record ImplementationSettingChange(
      @Schema(description = "whether a head of office clears an agency's update before it counts")
          Boolean progressClearance,
      @Schema(description = "every how many months an implementation round opens (1-24)")
          @Min(1)
          @Max(24)
          Integer roundMonths) {}

  /** The previous review's recommendations not implemented yet, and who leads on them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PreviousRecommendations(
      @Schema(description = "absent where the review has no previous one") UUID previousReviewId,
      @Schema(description = "lead agency code to how many of them it leads on")
          Map<String, Integer> byLeadAgency,
      @Schema(description = "how many have no lead agency") int unassigned,
      List<Recommendation> recommendations) {}

  /** A review's implementation matrix. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImplementationMatrix(
      UUID reviewId,
      String country,
      int session,
      @Schema(allowableValues = {"theme", "sdg", "agency"}) String groupBy,
      List<MatrixGroup> groups) {}

  /** One group of the matrix, its recommendations in paragraph order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatrixGroup(
      @Schema(
              description =
                  "the theme heading, SDG n, the lead agency's code, or No theme / No SDG / No"
                      + " lead agency")
          String heading,
      List<MatrixRow> recommendations) {}

  /** One recommendation of the matrix. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatrixRow(
      String paragraph,
      String text,
      List<String> recommendingStates,
      String position,
      String leadAgency,
      List<String> supportingAgencies,
      String status,
      LocalDate statusAsOf,
      @Schema(description = "the narrative of the latest progress update that counts")
          String latestNarrative) {}

  /** One change of a recommendation's position. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PositionVersion(
      Instant changedAt,
      String changedBy,
      @Schema(allowableValues = {"correction", "early", "final", "import"}) String via,
      String oldPosition,
      PositionSource oldSource,
      String newPosition,
      PositionSource newSource) {}
}
