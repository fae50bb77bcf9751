package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.FieldErrors;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;

/**
 * An implementation round's tasks on their page: on Report progress, the agency's focal points and
 * heads of office report on each recommendation it leads on (status, what was done, links to the
 * evidence, the date it describes); on Clear the progress updates, its heads of office read each
 * update waiting for them and clear it or send it back with a comment. Each form goes to the
 * recommendations API's own call; what it refuses is shown beside the field it names, with what was
 * typed kept.
 */
@Controller
class RoundWork {

  static final String REPORT = "UserTask_ReportProgress";
  static final String CLEAR = "UserTask_ClearProgress";
  private static final String HEAD_OF_OFFICE = "head-of-office";
  private static final String PROGRESS =
      "/api/reviews/{id}/recommendations/{recommendationId}/progress";

  private final Backend engine;
  private final Clock clock;
  private final TaskNames names;

  RoundWork(@Qualifier("engine") Backend engine, ObjectProvider<Clock> clock, TaskNames names) {
    this.engine = engine;
    this.names = names;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * What the task's page needs for a round's work: whether the person reports or clears here (as
   * the engine allows: the agency's focal points and heads of office report, its heads of office
   * clear), and the updates waiting for clearance, by id.
   */
  static void prepare(Backend engine, TaskView task, Person me, LocalDate today, Model model) {
    boolean ofTheAgency =
        me.agency() != null
            && (me.roles().contains("focal-point") || me.roles().contains(HEAD_OF_OFFICE));
    boolean mayReport =
        REPORT.equals(task.taskKey())
            && ofTheAgency
            && task.candidateGroups().contains(me.agency());
    boolean mayClear =
        CLEAR.equals(task.taskKey())
            && me.roles().contains(HEAD_OF_OFFICE)
            && task.candidateGroups().contains(HEAD_OF_OFFICE + ":" + me.agency());
    model.addAttribute("mayReport", mayReport);
    model.addAttribute("mayClear", mayClear);
    Map<String, Update> waiting = new LinkedHashMap<>();
    if (mayClear && task.reviewId() != null) {
      for (TaskView.RecommendationView r : task.recommendations()) {
        if ("pending".equals(r.roundUpdateClearance()) && r.roundUpdateId() != null) {
          engine
              .get(PROGRESS, JsonNode.class, task.reviewId(), r.id())
              .forEach(
                  update -> {
                    if (r.roundUpdateId().equals(update.path("id").asText())) {
                      waiting.put(r.roundUpdateId(), Update.of(update, me));
                    }
                  });
        }
      }
    }
    model.addAttribute("waiting", waiting);
    model.addAttribute("today", today);
    // what the last form said, by recommendation (flashed there); empty where it said nothing
    Map<String, Object> done = flashed(model, "roundDone");
    model.addAttribute("roundDoneBy", done);
    model.addAttribute("roundTypedBy", flashed(model, "roundTyped"));
    model.addAttribute("roundErrorsBy", flashed(model, "roundErrors"));
    List<String> shown = new ArrayList<>();
    for (TaskView.RecommendationView r : task.recommendations()) {
      if (done.containsKey(r.id())
          || (r.roundUpdateId() != null && waiting.containsKey(r.roundUpdateId()))) {
        shown.add(r.id());
      }
    }
    model.addAttribute("clearShown", shown);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flashed(Model model, String name) {
    return model.getAttribute(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @PostMapping("/tasks/{id}/recommendations/{recommendationId}/progress")
  String report(
      @PathVariable String id,
      @PathVariable UUID recommendationId,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String narrative,
      @RequestParam(defaultValue = "") String evidence,
      @RequestParam(defaultValue = "") String asOf,
      @ModelAttribute("me") Person me,
      RedirectAttributes flash) {
    TaskView task = load(id, me);
    String key = recommendationId.toString();
    String back = "redirect:/tasks/" + id + "#progress-" + key;
    Reported typed = new Reported(status, narrative, evidence, asOf);
    Map<String, String> errors = new LinkedHashMap<>();
    if (status.isBlank()) {
      errors.put("status", "page.round.chooseStatus");
    }
    if (narrative.isBlank()) {
      errors.put("narrative", "page.round.sayWhatWasDone");
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(asOf.strip());
    } catch (RuntimeException notADate) {
      errors.put("asOf", "page.round.giveTheDate");
    }
    if (errors.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status);
      body.put("narrative", narrative);
      body.put(
          "evidence",
          Arrays.stream(evidence.split("\\R"))
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .toList());
      body.put("asOf", date);
      try {
        JsonNode update =
            engine.post(PROGRESS, body, JsonNode.class, task.reviewId(), recommendationId);
        flash.addFlashAttribute(
            "roundDone", Map.of(key, "page.round.reported." + update.path("clearance").asText()));
        return back;
      } catch (ErrorResponseException refused) {
        Map<String, String> named = FieldErrors.of(refused);
        named.forEach(
            (field, message) ->
                errors.put(field.replaceAll("\\[\\d+]$", ""), field + " " + message));
        if (named.isEmpty()) {
          errors.put("form", refused.getBody().getDetail());
        }
      }
    }
    flash.addFlashAttribute("roundTyped", Map.of(key, typed));
    flash.addFlashAttribute("roundErrors", Map.of(key, errors));
    return back;
  }

  @PostMapping("/tasks/{id}/recommendations/{recommendationId}/progress/{updateId}/clearance")
  String clear(
      @PathVariable String id,
      @PathVariable UUID recommendationId,
      @PathVariable UUID updateId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String comment,
      @ModelAttribute("me") Person me,
      RedirectAttributes flash) {
    TaskView task = load(id, me);
    String key = recommendationId.toString();
    String back = "redirect:/tasks/" + id + "#progress-" + key;
    Map<String, String> errors = new LinkedHashMap<>();
    if ("return".equals(decision) && comment.isBlank()) {
      errors.put("comment", "page.round.sayWhatToChange");
    } else {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("decision", decision);
      if (!comment.isBlank()) {
        body.put("comment", comment);
      }
      try {
        engine.post(
            PROGRESS + "/{updateId}/clearance",
            body,
            JsonNode.class,
            task.reviewId(),
            recommendationId,
            updateId);
        flash.addFlashAttribute(
            "roundDone",
            Map.of(key, "return".equals(decision) ? "page.round.returned" : "page.round.cleared"));
        return back;
      } catch (ErrorResponseException refused) {
        Map<String, String> named = FieldErrors.of(refused);
        named.forEach((field, message) -> errors.put(field, field + " " + message));
        if (named.isEmpty()) {
          errors.put("form", refused.getBody().getDetail());
        }
      }
    }
    flash.addFlashAttribute("roundTyped", Map.of(key, new Reported("", comment, "", "")));
    flash.addFlashAttribute("roundErrors", Map.of(key, errors));
    return back;
  }

  private TaskView load(String id, Person me) {
    return TaskView.of(
        engine.get("/api/tasks/{id}", JsonNode.class, id), me, clock.instant(), names);
  }

  /**
   * What the person typed in a recommendation's form: the report's fields, or a clearance's comment
   * (in {@code narrative}).
   */
  record Reported(String status, String narrative, String evidence, String asOf)
      implements Serializable {}

  /** A progress update waiting for a head of office, as reported. */
  record Update(
      String status,
      String narrative,
      List<String> evidence,
      LocalDate asOf,
      String reportedBy,
      ZonedDateTime reportedAt) {

    static Update of(JsonNode update, Person me) {
      List<String> evidence = new ArrayList<>();
      update.path("evidence").forEach(link -> evidence.add(link.asText()));
      return new Update(
          update.path("status").asText(),
          update.path("narrative").asText(),
          evidence,
          update.path("asOf").isTextual() ? LocalDate.parse(update.path("asOf").asText()) : null,
          update.path("reportedBy").asText(),
          update.path("reportedAt").isTextual()
              ? me.local(Instant.parse(update.path("reportedAt").asText()))
              : null);
    }
  }
}
