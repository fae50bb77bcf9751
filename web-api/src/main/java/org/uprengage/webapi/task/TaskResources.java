package org.uprengage.webapi.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shapes of the task resource. */
final class TaskResources {

  /** A task id as the engine makes them; anything else is refused before it reaches the engine. */
  static final String ID = "[A-Za-z0-9-]{1,64}";

  static final String ID_MESSAGE = "is not a task id";
  static final String USERNAME = "[A-Za-z0-9._@-]{1,100}";
  static final String USERNAME_MESSAGE = "must be a username";

  private TaskResources() {}

  /** A user task; {@code form} and {@code words} are given on the detail view only. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Task(
      String id,
      String name,
      @Schema(description = "BPMN element id of the task", example = "UserTask_DraftAgencySection")
          String taskKey,
      UUID reviewId,
      String country,
      Integer session,
      String assignee,
      List<String> candidateGroups,
      Instant created,
      Instant due,
      @Schema(description = "the day the holder wants to look at it again") Instant followUp,
      @Schema(description = "who delegated the task, while it is delegated or after") String owner,
      @Schema(allowableValues = {"PENDING", "RESOLVED"}) String delegationState,
      @Schema(
              description =
                  "changes with every change of the task; also its ETag. Send it in If-Match to change the task only as you saw it (409 with the current task otherwise).")
          Integer version,
      List<FormField> form,
      @Schema(
              description =
                  "detail view only, for a task that drafts, consolidates or decides on the joint submission: the words of its texts against the word limit of the review's cycle")
          Words words,
      @Schema(
              description =
                  "detail view only, for a task of an implementation round (Report progress, Clear the progress updates): the agency's recommendations, their status and what it reported on them in the round")
          List<RoundRecommendation> recommendations,
      @Schema(
              description =
                  "detail view only, for the plan of a review handed over from the one before: how many of the previous review's recommendations not yet implemented each agency leads on")
          PreviousRecommendationCounts previousRecommendations) {}

  /** One of the agency's recommendations as a task of an implementation round lists it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RoundRecommendation(
      UUID id,
      @Schema(description = "its paragraph number as published, such as 121.1") String paragraph,
      String text,
      @Schema(
              allowableValues = {
                "not-started",
                "in-progress",
                "partially-implemented",
                "implemented",
                "not-applicable"
              })
          String status,
      LocalDate statusAsOf,
      @Schema(
              description =
                  "the agency's latest progress update on it in this round; absent where none")
          UUID roundUpdateId,
      @Schema(
              description = "that update's clearance",
              allowableValues = {"not-required", "pending", "cleared", "returned"})
          String roundUpdateClearance) {}

  /** How many of the previous review's open recommendations each agency leads on. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PreviousRecommendationCounts(
      UUID previousReviewId,
      @Schema(description = "lead agency code to how many it leads on")
          Map<String, Integer> byLeadAgency,
      @Schema(description = "how many have no lead agency") int unassigned) {}

  /**
   * The words of the texts a task works on: its agency's section (every section, in the agreed
   * order, for a task of no agency), the latest round's consolidated text, and the limit.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Words(
      List<SectionWords> sections,
      int sectionsTotal,
      @Schema(description = "the latest round's consolidated text; absent before the first")
          Integer consolidated,
      @Schema(description = "absent where the installation set no limit for the review's cycle")
          Integer limit,
      @Schema(
              description =
                  "the consolidated text, or before it the sections together, has more words than the limit")
          boolean overLimit) {}

  /** One agency's section: its words, 0 while it has no text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SectionWords(String agency, int words) {}

  /** One input the task takes on completion. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record FormField(
      String name,
      @Schema(
              allowableValues = {
                "string",
                "string-list",
                "choice",
                "date",
                "integer",
                "position-list"
              })
          String type,
      boolean required,
      String description,
      Integer maxLength,
      List<String> options) {}

  /** One change attempted on a task. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AuditEntry(
      Instant at,
      String actor,
      String action,
      int outcome,
      UUID reviewId,
      String taskId,
      String remoteAddress) {}

  /** What happened to one task of a bulk request. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BulkResult(String taskId, int status, Task task, Map<String, Object> problem) {}

  /** A comment on a task. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Comment(String id, String author, Instant time, String text) {}

  /** A bounded page of tasks. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TaskPage(List<Task> items, int page, int size, long total) {}

  /** A document attached to a task by its link. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Attachment(
      UUID id, String name, String url, String description, String addedBy, Instant addedAt) {}
}
