package org.uprengage.webapi.page.review;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.Decision;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;

/**
 * A review's page: its stage and step, what happened in it (its timeline), its open tasks, every
 * deadline (the session's, official or computed, and the review's milestones: met, missed or due),
 * the joint submission's rounds, decisions and word counts, and its recommendations with their
 * positions, filtered and sorted as the recommendations API allows ({@link RecommendationWork}:
 * what coordinators do with them on this page).
 */
@Controller
class ReviewPage {

  private final Backend engine;
  private final TaskNames names;

  ReviewPage(@Qualifier("engine") Backend engine, TaskNames names) {
    this.engine = engine;
    this.names = names;
  }

  @GetMapping("/reviews/{id}")
  String review(
      @PathVariable UUID id,
      @ModelAttribute("filter") RecommendationFilter filter,
      @ModelAttribute("me") Person me,
      HttpServletRequest request,
      Model model) {
    JsonNode review = engine.get("/api/reviews/{id}", JsonNode.class, id);
    List<Happened> timeline = new ArrayList<>();
    engine
        .get("/api/reviews/{id}/timeline", JsonNode.class, id)
        .forEach(
            entry ->
                timeline.add(
                    new Happened(
                        me.local(instant(entry.path("at"))),
                        entry.path("event").asText(),
                        subject(entry),
                        text(entry.path("actor")),
                        text(entry.path("detail")))));
    model.addAttribute("timeline", timeline);
    model.addAttribute(
        "submission",
        Submission.of(engine.get("/api/reviews/{id}/submission", JsonNode.class, id), me));
    RecommendationFilter.Query query = filter.query(id);
    JsonNode recommendations = engine.get(query.uri(), JsonNode.class, query.variables());
    List<Recommendation> listed = new ArrayList<>();
    recommendations.path("items").forEach(item -> listed.add(Recommendation.of(item)));
    long total = recommendations.path("total").asLong();
    model.addAttribute("recommendations", listed);
    model.addAttribute("recommendationTotal", total);
    model.addAttribute(
        "nextPage",
        (long) (filter.page() + 1) * RecommendationFilter.SIZE < total ? filter.page() + 1 : null);
    model.addAttribute("previousPage", filter.page() > 0 ? filter.page() - 1 : null);
    List<OpenTask> tasks = new ArrayList<>();
    review
        .path("openTasks")
        .forEach(
            task ->
                tasks.add(
                    new OpenTask(
                        task.path("id").asText(),
                        names.task(text(task.path("taskKey")), task.path("name").asText()),
                        text(task.path("assignee")),
                        groups(task.path("candidateGroups")),
                        me.local(instant(task.path("due"))),
                        task.path("mayOpen").asBoolean())));
    List<Dated> deadlines = new ArrayList<>();
    review
        .path("sessionDeadlines")
        .properties()
        .forEach(
            deadline ->
                deadlines.add(
                    new Dated(
                        deadline.getKey(),
                        date(deadline.getValue().path("value")),
                        text(deadline.getValue().path("source")))));
    List<Milestone> milestones = new ArrayList<>();
    review
        .path("milestones")
        .forEach(
            milestone ->
                milestones.add(
                    new Milestone(
                        milestone.path("key").asText(),
                        date(milestone.path("dueOn")),
                        text(milestone.path("basis")),
                        text(milestone.path("status")))));
    model.addAttribute(
        "review",
        new Review(
            id,
            review.path("country").asText(),
            review.path("session").asInt(),
            review.path("stage").asText(),
            names.step(text(review.path("step"))),
            review.path("state").asText(),
            text(review.path("submissionCountsBackFrom")),
            tasks,
            deadlines,
            milestones));
    RecommendationWork.prepare(engine, id, !listed.isEmpty(), request, me, model);
    return "pages/review";
  }

  /**
   * What a timeline entry concerns, in the person's language: a task by its key, a milestone by its
   * own; the engine's words where there is no translation.
   */
  private String subject(JsonNode entry) {
    String subject = text(entry.path("subject"));
    String taskKey = text(entry.path("taskKey"));
    if (taskKey != null) {
      return names.task(taskKey, subject);
    }
    return entry.path("event").asText().startsWith("deadline.")
        ? names.milestone(subject)
        : subject;
  }

  private static Instant instant(JsonNode value) {
    return value.isTextual() ? Instant.parse(value.asText()) : null;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : null;
  }

  private static String groups(JsonNode groups) {
    return String.join(", ", list(groups));
  }

  private static List<String> list(JsonNode groups) {
    List<String> names = new ArrayList<>();
    groups.forEach(group -> names.add(group.asText()));
    return names;
  }

  private static LocalDate date(JsonNode value) {
    return value.isTextual() ? LocalDate.parse(value.asText()) : null;
  }

  /** The review as its page shows it. */
  record Review(
      UUID id,
      String country,
      int session,
      String stage,
      String step,
      String state,
      String countsBackFrom,
      List<OpenTask> openTasks,
      List<Dated> deadlines,
      List<Milestone> milestones) {}

  /** A task waiting for someone, due in the person's time zone. */
  /**
   * An open task of the review; {@code mayOpen}: its page would show it to the person (else 404).
   */
  record OpenTask(
      String id,
      String name,
      String assignee,
      String offeredTo,
      ZonedDateTime due,
      boolean mayOpen) {}

  /** A session deadline and whether it is official or computed. */
  record Dated(String key, LocalDate value, String source) {}

  /** A milestone of the review and how it stands. */
  record Milestone(String key, LocalDate dueOn, String basis, String status) {}

  /** Something that happened in the review, in the person's time zone. */
  record Happened(ZonedDateTime at, String event, String subject, String actor, String detail) {}

  /** The joint submission: its sections and words, its rounds' decisions, and its sending. */
  record Submission(
      Integer round,
      int words,
      Integer wordLimit,
      String consolidatedBy,
      ZonedDateTime consolidatedAt,
      List<Section> sections,
      List<Decision> decisions,
      LocalDate sentOn,
      String sentReference,
      String sentBy) {

    static Submission of(JsonNode submission, Person me) {
      List<Section> sections = new ArrayList<>();
      submission
          .path("sections")
          .forEach(
              section ->
                  sections.add(
                      new Section(
                          section.path("agency").asText(),
                          section.path("words").asInt(),
                          text(section.path("draftedBy")),
                          me.local(instant(section.path("draftedAt"))))));
      JsonNode sent = submission.path("sent");
      return new Submission(
          submission.path("round").isNumber() ? submission.path("round").asInt() : null,
          submission.path("words").asInt(),
          submission.path("wordLimit").isNumber() ? submission.path("wordLimit").asInt() : null,
          text(submission.path("consolidatedBy")),
          me.local(instant(submission.path("consolidatedAt"))),
          sections,
          Decision.of(submission, me),
          date(sent.path("on")),
          text(sent.path("reference")),
          text(sent.path("by")));
    }

    /** Whether the consolidated text runs over the installation's word limit. */
    public boolean overLimit() {
      return wordLimit != null && words > wordLimit;
    }
  }

  /** One agency's section, by its words. */
  record Section(String agency, int words, String draftedBy, ZonedDateTime draftedAt) {}

  /**
   * One recommendation of the review, with its position, the agency that leads on it (null while
   * none does) and its implementation status.
   */
  record Recommendation(
      String id,
      String paragraph,
      String text,
      String states,
      String theme,
      List<Integer> sdgs,
      String position,
      String leadAgency,
      List<String> supportingAgencies,
      String status) {

    static Recommendation of(JsonNode item) {
      List<String> states = new ArrayList<>();
      item.path("recommendingStates").forEach(state -> states.add(state.path("name").asText()));
      List<Integer> sdgs = new ArrayList<>();
      item.path("sdgs").forEach(sdg -> sdgs.add(sdg.asInt()));
      return new Recommendation(
          item.path("id").asText(),
          item.path("paragraph").asText(),
          item.path("text").asText(),
          String.join(", ", states),
          ReviewPage.text(item.path("themeHeading")),
          sdgs,
          item.path("position").asText("pending"),
          ReviewPage.text(item.path("leadAgency")),
          list(item.path("supportingAgencies")),
          item.path("status").asText("not-started"));
    }
  }
}
