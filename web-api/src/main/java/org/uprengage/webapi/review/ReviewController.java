package org.uprengage.webapi.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.Relayed;

/**
 * A State's review: list them, start one, read where it stands, its trail, timeline and milestones.
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews")
class ReviewController {

  private final Backend engine;

  ReviewController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Start a review",
      description =
          "Coordinators and admins of the country team start the review of their State in a WG session (once per session).")
  ResponseEntity<ReviewResource> start(@Valid @RequestBody StartReview request) {
    ReviewResource review = engine.post("/api/reviews", request, ReviewResource.class);
    return Relayed.created(review, review.id());
  }

  @GetMapping
  @Operation(
      summary = "The reviews of your country teams, the latest started first",
      description =
          "Every review of the country teams you belong to (any role), each with its stage and step, its WG session's dates, the next of its milestones still ahead (none once the review ended) and how many of its tasks are open. Filters: countryTeam (one of your teams, ISO 3166-1 alpha-3; another team is 404), state (ACTIVE | COMPLETED). Pages of at most 100.")
  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ReviewPage.class)))
  ResponseEntity<byte[]> list(
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as GHA")
          String countryTeam,
      @RequestParam(required = false)
          @Pattern(regexp = "ACTIVE|COMPLETED", message = "must be ACTIVE or COMPLETED")
          String state,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/api/reviews")
            .queryParam("page", page)
            .queryParam("size", size);
    if (countryTeam != null) {
      uri.queryParam("countryTeam", countryTeam);
    }
    if (state != null) {
      uri.queryParam("state", state);
    }
    // both are checked against their patterns above; the engine's page passes through as it came
    return engine.relay(HttpMethod.GET, uri.build().toUriString(), null, null);
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "A review of one of your country teams: stage, open tasks, every deadline and how it stands")
  ReviewDetail get(@PathVariable UUID id) {
    return engine.get("/api/reviews/{id}", ReviewDetail.class, id);
  }

  @GetMapping("/{id}/audit")
  @Operation(
      summary =
          "Every change attempted on the review and its tasks: who, what, when, from where, and the outcome")
  List<AuditEntry> audit(@PathVariable UUID id) {
    return engine.get(
        "/api/reviews/{id}/audit", new ParameterizedTypeReference<List<AuditEntry>>() {}, id);
  }

  @GetMapping("/{id}/timeline")
  @Operation(summary = "What happened in the review, when and by whom, oldest first")
  List<TimelineEntry> timeline(@PathVariable UUID id) {
    return engine.get(
        "/api/reviews/{id}/timeline", new ParameterizedTypeReference<List<TimelineEntry>>() {}, id);
  }

  @GetMapping("/{id}/milestones")
  @Operation(
      summary = "The review's internal milestones",
      description =
          "Through the whole cycle: the submission's back-scheduled from the session's UN-entity deadline (by the country team's offsets), the later stages' from the session's dates, the addendum deadlines and the adopting HRC session; basis says whether the date they hang on is official or computed, or whether a coordinator moved the milestone.")
  List<Milestone> milestones(@PathVariable UUID id) {
    return engine.get(
        "/api/reviews/{id}/milestones", new ParameterizedTypeReference<List<Milestone>>() {}, id);
  }

  @PutMapping("/{id}/milestones/{key}")
  @Operation(
      summary = "Move one of the review's milestones (coordinators)",
      description =
          "The open tasks due at it, and their reminders, move with it; a moved milestone no longer follows the session calendar.")
  Milestone moveMilestone(
      @PathVariable UUID id,
      @PathVariable @Pattern(regexp = "[A-Za-z]{1,40}", message = "is not a milestone name")
          String key,
      @Valid @RequestBody MoveMilestone request) {
    return engine.put("/api/reviews/{id}/milestones/{key}", request, Milestone.class, id, key);
  }

  @PutMapping("/{id}/review-day")
  @Operation(
      summary = "Enter the State's review day from OHCHR's timetable (coordinators)",
      description =
          "The day of the State's interactive dialogue in its WG session and, where the timetable gives it, the day the WG adopts the report (else two working days later). The stage's timer, the tasks before the dialogue and their reminders move with it; the answer is the review's milestones.")
  List<Milestone> setReviewDay(@PathVariable UUID id, @Valid @RequestBody ReviewDay request) {
    return List.of(engine.put("/api/reviews/{id}/review-day", request, Milestone[].class, id));
  }

  @PostMapping("/{id}/move")
  @Operation(
      summary = "Move the review to another WG session (coordinators)",
      description =
          "When OHCHR postpones a State's review: every milestone follows the new session (those a coordinator had moved too), with the open tasks, their reminders and the stage timers; each change raises deadline.changed with the reason. Recorded in the audit trail.")
  ReviewResource move(@PathVariable UUID id, @Valid @RequestBody MoveReview request) {
    return engine.post("/api/reviews/{id}/move", request, ReviewResource.class, id);
  }

  /** One page of reviews, the latest started first, and how many match in all. */
  record ReviewPage(List<ReviewSummary> items, int page, int size, long total) {}

  /** A review as the list shows it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReviewSummary(
      UUID id,
      @Schema(description = "ISO 3166-1 alpha-3 code of the State under Review", example = "GHA")
          String country,
      @Schema(description = "UPR Working Group session number", example = "56") int session,
      @Schema(description = "the WG session's first day") LocalDate sessionStartsOn,
      @Schema(description = "the WG session's last day") LocalDate sessionEndsOn,
      @Schema(allowableValues = {"ACTIVE", "COMPLETED"}) String state,
      @Schema(
              allowableValues = {
                "submission",
                "review",
                "adoption",
                "follow-up",
                "handed-over",
                "submitted"
              })
          String stage,
      @Schema(
              description = "where in its stage the review is; absent once it ended",
              example = "agency-drafting")
          String step,
      String startedBy,
      Instant startedAt,
      @Schema(
              description =
                  "the review's earliest milestone still ahead; absent once none is or the review ended")
          NextDeadline nextDeadline,
      @Schema(description = "how many of the review's tasks are open (held or offered)")
          long openTaskCount) {}

  /** A review's next milestone. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NextDeadline(
      @Schema(example = "agencyDraftsDue") String key,
      LocalDate dueOn,
      @Schema(allowableValues = {"official", "computed", "moved"}) String basis) {}

  /** One change attempted. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AuditEntry(
      Instant at,
      String actor,
      @Schema(example = "POST /api/tasks/{id}/claim") String action,
      @Schema(description = "the HTTP status it ended with") int outcome,
      UUID reviewId,
      String taskId,
      String remoteAddress) {}

  /** A review with its stage, open tasks, deadlines, outcome and the reviews before and after. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReviewDetail(
      UUID id,
      String country,
      int session,
      @Schema(allowableValues = {"ACTIVE", "COMPLETED"}) String state,
      @Schema(
              allowableValues = {
                "submission",
                "review",
                "adoption",
                "follow-up",
                "handed-over",
                "submitted"
              })
          String stage,
      @Schema(
              description = "where in its stage the review is; absent once it ended",
              example = "consolidation")
          String step,
      String startedBy,
      Instant startedAt,
      List<OpenTask> openTasks,
      @Schema(description = "the session's deadlines, each official or computed")
          Map<String, Dated> sessionDeadlines,
      @Schema(
              description =
                  "the session deadline the submission's milestones count back from: unEntitySubmission where OHCHR published one of its own, else stakeholderSubmission",
              allowableValues = {"unEntitySubmission", "stakeholderSubmission"})
          String submissionCountsBackFrom,
      List<MilestoneStatus> milestones,
      @Schema(description = "what the review produced so far, as the coordinator recorded it")
          Outcome outcome,
      @Schema(description = "the State's review this one took over from") UUID previousReviewId,
      @Schema(description = "the State's next review, once this one handed over to it")
          UUID nextReviewId,
      @Schema(
              description =
                  "whether the joint submission's document that went to OHCHR is the one the RC signed off, by their SHA-256")
          SubmissionController.Documents submissionDocument) {}

  /** What a review produced so far. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Outcome(
      Integer recommendations,
      String wgReportSymbol,
      Positions earlyPositions,
      Positions finalPositions,
      String addendumSymbol,
      LocalDate hrcAdoptedOn,
      String hrcDecisionSymbol,
      LocalDate midTermReportSubmittedOn,
      String midTermReportReference) {}

  /** Positions on the recommendations at one of the addendum's deadlines. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Positions(int supported, int noted, int pending) {}

  /** A task waiting for someone. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OpenTask(
      String id,
      String name,
      String taskKey,
      @Schema(allowableValues = {"submission", "review", "adoption", "follow-up"}) String stage,
      String assignee,
      List<String> candidateGroups,
      Instant due,
      @Schema(
              description =
                  "Whether the caller may open the task (its page and GET /api/tasks/{id}); else"
                      + " they get a 404 there")
          boolean mayOpen) {}

  /** A date and where it comes from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Dated(
      LocalDate value,
      @Schema(allowableValues = {"official", "computed"}) String source,
      String rule) {}

  /** A milestone and how it stands. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MilestoneStatus(
      String key,
      LocalDate dueOn,
      @Schema(allowableValues = {"official", "computed", "moved"}) String basis,
      @Schema(allowableValues = {"upcoming", "open", "overdue", "met", "missed", "passed"})
          String status) {}

  /** Something that happened in a review. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TimelineEntry(
      Instant at,
      @Schema(example = "task.claimed") String event,
      @Schema(
              description =
                  "The task's name in the model (English), or the milestone's key for a deadline event")
          String subject,
      @Schema(
              description =
                  "For a task's event, its task definition key: what its name in another language is looked up by",
              example = "UserTask_DraftAgencySection")
          String taskKey,
      String actor,
      String detail) {}

  /** One internal milestone of a review. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Milestone(
      @Schema(
              allowableValues = {
                "callForInputs",
                "agencyDraftsDue",
                "consolidation",
                "clearance",
                "rcSignOff",
                "submission",
                "stakeholderSupport",
                "nationalReportSupport",
                "compilationCheck",
                "briefings",
                "advanceQuestions",
                "stateReview",
                "wgReportAdopted",
                "recommendationsRecorded",
                "addendumEarly",
                "addendumFinal",
                "hrcAdoption",
                "dissemination",
                "midTermReport",
                "midTermReportDue"
              })
          String key,
      LocalDate dueOn,
      @Schema(allowableValues = {"official", "computed", "moved"}) String basis,
      String movedBy) {}

  /** A milestone's new date. */
  record MoveMilestone(@NotNull LocalDate dueOn) {}

  /** The State's review day, and the WG report's adoption where the timetable gives it. */
  record ReviewDay(
      @NotNull @Schema(example = "2027-01-27") LocalDate reviewDay,
      @Schema(example = "2027-01-29") LocalDate wgReportAdopted) {}

  /** The WG session to move a review to, and why. */
  record MoveReview(
      @NotNull
          @Positive
          @Max(value = 999, message = "must be a WG session number such as 45")
          @Schema(example = "45")
          Integer session,
      @Size(max = 500) @Schema(example = "postponed at the State's request") String reason) {}

  /** The State and WG session of a review to start. */
  record StartReview(
      @NotNull
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as GHA")
          String country,
      @NotNull @Positive @Max(value = 999, message = "must be a WG session number such as 42")
          Integer session) {}
}
