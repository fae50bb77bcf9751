package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;

/**
 * A task as a page shows it: dates in the person's time zone, whether it is overdue or due soon,
 * whether the person holds it, the inputs its form takes, and the recommendations it works on (an
 * implementation round's: the agency's, with their status and this round's update; none for other
 * tasks).
 */
record TaskView(
    String id,
    String name,
    String taskKey,
    String reviewId,
    String country,
    Integer session,
    String assignee,
    List<String> candidateGroups,
    ZonedDateTime created,
    ZonedDateTime due,
    String dueState,
    boolean mine,
    int version,
    List<FieldView> form,
    List<RecommendationView> recommendations) {

  /** A task due within this long is marked as due soon. */
  static final Duration DUE_SOON = Duration.ofDays(3);

  /**
   * Inputs of a task's form that its page does not offer for that task: the revision's form is the
   * draft's, but a section sent back is revised, not declined (the engine refuses it).
   */
  static final Map<String, Set<String>> NOT_OFFERED = Map.of(TaskText.REVISE, Set.of("decline"));

  /** The task as the engine answers it; its name in the page's language ({@link TaskNames}). */
  static TaskView of(JsonNode task, Person me, Instant now, TaskNames names) {
    Instant due = instant(task.path("due"));
    List<String> groups = new ArrayList<>();
    task.path("candidateGroups").forEach(group -> groups.add(group.asText()));
    Set<String> notOffered = NOT_OFFERED.getOrDefault(task.path("taskKey").asText(), Set.of());
    List<FieldView> form = new ArrayList<>();
    task.path("form")
        .forEach(
            field -> {
              if (!notOffered.contains(field.path("name").asText())) {
                form.add(FieldView.of(field));
              }
            });
    List<RecommendationView> recommendations = new ArrayList<>();
    task.path("recommendations")
        .forEach(recommendation -> recommendations.add(RecommendationView.of(recommendation)));
    String assignee = text(task.path("assignee"));
    return new TaskView(
        task.path("id").asText(),
        names.task(text(task.path("taskKey")), task.path("name").asText()),
        task.path("taskKey").asText(),
        text(task.path("reviewId")),
        text(task.path("country")),
        task.path("session").isNumber() ? task.path("session").asInt() : null,
        assignee,
        groups,
        me.local(instant(task.path("created"))),
        me.local(due),
        dueState(due, now),
        me.username().equals(assignee),
        task.path("version").asInt(),
        form,
        recommendations);
  }

  /** The If-Match header that changes this task only as the person saw it. */
  String ifMatch() {
    return "\"" + version + "\"";
  }

  private static String dueState(Instant due, Instant now) {
    if (due == null) {
      return null;
    }
    if (due.isBefore(now)) {
      return "overdue";
    }
    return due.isBefore(now.plus(DUE_SOON)) ? "soon" : null;
  }

  private static Instant instant(JsonNode value) {
    return value.isTextual() ? Instant.parse(value.asText()) : null;
  }

  static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : null;
  }

  /**
   * A recommendation the task works on: its implementation status and the clearance of the agency's
   * update on it in this round (null where it has none yet), with their ids for the forms that
   * report and clear progress ({@link RoundWork}).
   */
  record RecommendationView(
      String paragraph,
      String text,
      String status,
      String roundUpdateClearance,
      String id,
      String roundUpdateId) {

    static RecommendationView of(JsonNode recommendation) {
      return new RecommendationView(
          recommendation.path("paragraph").asText(),
          recommendation.path("text").asText(),
          recommendation.path("status").asText("not-started"),
          TaskView.text(recommendation.path("roundUpdateClearance")),
          recommendation.path("id").asText(),
          TaskView.text(recommendation.path("roundUpdateId")));
    }
  }

  /** One input of the task's form, as the engine describes it. */
  record FieldView(
      String name,
      String type,
      boolean required,
      String description,
      Integer maxLength,
      List<String> options) {

    static FieldView of(JsonNode field) {
      List<String> options = new ArrayList<>();
      field.path("options").forEach(option -> options.add(option.asText()));
      return new FieldView(
          field.path("name").asText(),
          field.path("type").asText("string"),
          field.path("required").asBoolean(),
          text(field.path("description")),
          field.path("maxLength").isNumber() ? field.path("maxLength").asInt() : null,
          options);
    }
  }
}
