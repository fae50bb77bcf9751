package org.uprengage.webapi.page.review;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.uprengage.webapi.page.Person;

/**
 * A review's page: its stage and step, its open tasks, the session's deadlines (official or
 * computed) and the review's milestones with how each stands, as the engine tells them.
 */
@Controller
class ReviewPage {

  private final Backend engine;

  ReviewPage(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/reviews/{id}")
  String review(@PathVariable UUID id, @ModelAttribute("me") Person me, Model model) {
    JsonNode review = engine.get("/api/reviews/{id}", JsonNode.class, id);
    List<OpenTask> tasks = new ArrayList<>();
    review
        .path("openTasks")
        .forEach(
            task ->
                tasks.add(
                    new OpenTask(
                        task.path("id").asText(),
                        task.path("name").asText(),
                        text(task.path("assignee")),
                        groups(task.path("candidateGroups")),
                        task.path("due").isTextual()
                            ? me.local(Instant.parse(task.path("due").asText()))
                            : null)));
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
            text(review.path("step")),
            review.path("state").asText(),
            tasks,
            deadlines,
            milestones));
    return "pages/review";
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : null;
  }

  private static String groups(JsonNode groups) {
    List<String> names = new ArrayList<>();
    groups.forEach(group -> names.add(group.asText()));
    return String.join(", ", names);
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
      List<OpenTask> openTasks,
      List<Dated> deadlines,
      List<Milestone> milestones) {}

  /** A task waiting for someone, due in the person's time zone. */
  record OpenTask(String id, String name, String assignee, String offeredTo, ZonedDateTime due) {}

  /** A session deadline and whether it is official or computed. */
  record Dated(String key, LocalDate value, String source) {}

  /** A milestone of the review and how it stands. */
  record Milestone(String key, LocalDate dueOn, String basis, String status) {}
}
