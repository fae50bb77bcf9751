package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.Decision;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;

/**
 * Approvals: the decisions waiting on a head of office (clearance) or the RC (sign-off), each with
 * the agencies' sections, the consolidated text and what changed in it since the round the person
 * last decided on, word by word; approve, or send back with comments. Whoever consolidated the text
 * is not offered its approval. Deciding claims the task first where nobody holds it.
 */
@Controller
class ApprovalsPage {

  static final String APPROVE = "approve";
  static final String SEND_BACK = "send-back";

  private final Backend engine;
  private final Clock clock;
  private final TaskNames names;

  ApprovalsPage(@Qualifier("engine") Backend engine, ObjectProvider<Clock> clock, TaskNames names) {
    this.engine = engine;
    this.names = names;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/approvals")
  String approvals(@ModelAttribute("me") Person me, Model model) {
    Instant now = clock.instant();
    Map<String, JsonNode> submissions = new HashMap<>();
    List<ApprovalView> approvals = new ArrayList<>();
    for (JsonNode approval : engine.get("/api/approvals", JsonNode.class)) {
      TaskView task = TaskView.of(approval.path("task"), me, now, names);
      JsonNode submission =
          submissions.computeIfAbsent(
              task.reviewId(),
              review -> engine.get("/api/reviews/{id}/submission", JsonNode.class, review));
      approvals.add(ApprovalView.of(approval, task, submission, me));
    }
    model.addAttribute("approvals", approvals);
    return "pages/approvals";
  }

  @PostMapping("/approvals/{id}")
  String decide(
      @PathVariable String id,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comments,
      @RequestParam(required = false) String version,
      @RequestParam(defaultValue = "false") boolean mine,
      RedirectAttributes flash) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decision", decision == null ? "" : decision);
    if (comments != null && !comments.isBlank()) {
      body.put("comments", comments.strip());
    }
    String ifMatch = version == null || version.isBlank() ? null : "\"" + version + "\"";
    try {
      if (!mine) {
        JsonNode claimed =
            engine
                .exchange(
                    HttpMethod.POST, "/api/tasks/{id}/claim", null, ifMatch, JsonNode.class, id)
                .getBody();
        ifMatch = claimed == null ? null : "\"" + claimed.path("version").asInt() + "\"";
      }
      engine.exchange(HttpMethod.POST, "/api/tasks/{id}/complete", body, ifMatch, Void.class, id);
      flash.addFlashAttribute(
          "done", APPROVE.equals(decision) ? "page.done.approve" : "page.done.sendBack");
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute("refused", refused.getBody().getDetail());
      // what the person chose and typed, shown again on their approval
      flash.addFlashAttribute("typed", new Typed(id, decision, comments));
    }
    return "redirect:/approvals";
  }

  /** What the person sent for one approval, kept when it was refused. */
  record Typed(String taskId, String decision, String comments) {}

  /** One decision waiting, as the page shows it. */
  record ApprovalView(
      TaskView task,
      String stage,
      int round,
      String text,
      String consolidatedBy,
      ZonedDateTime consolidatedAt,
      Integer seenRound,
      List<WordDiff.Part> changes,
      boolean author,
      List<Section> sections,
      List<Decision> decisions) {

    static ApprovalView of(JsonNode approval, TaskView task, JsonNode submission, Person me) {
      List<Section> sections = new ArrayList<>();
      submission
          .path("sections")
          .forEach(
              section ->
                  sections.add(
                      new Section(
                          section.path("agency").asText(),
                          section.path("text").asText(),
                          TaskView.text(section.path("draftedBy")))));
      String text = approval.path("text").asText("");
      String seen = TaskView.text(approval.path("seenText"));
      String consolidatedBy = TaskView.text(approval.path("consolidatedBy"));
      return new ApprovalView(
          task,
          approval.path("stage").asText(),
          approval.path("round").asInt(),
          text,
          consolidatedBy,
          approval.path("consolidatedAt").isTextual()
              ? me.local(Instant.parse(approval.path("consolidatedAt").asText()))
              : null,
          approval.path("seenRound").isNumber() ? approval.path("seenRound").asInt() : null,
          seen == null ? List.of() : WordDiff.of(seen, text),
          me.username().equals(consolidatedBy),
          sections,
          Decision.of(submission, me));
    }
  }

  /** One agency's section of the text. */
  record Section(String agency, String text, String draftedBy) {}
}
