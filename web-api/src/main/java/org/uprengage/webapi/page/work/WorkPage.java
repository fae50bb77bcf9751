package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.Back;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;

/**
 * My work: the person's tasks and the ones they may claim (coordinators: their team's), filtered
 * and sorted as the API allows; claim, give back, assign, and the same for several tasks at once,
 * each with its own result.
 */
@Controller
class WorkPage {

  private final Backend engine;
  private final Clock clock;
  private final TaskNames names;

  WorkPage(@Qualifier("engine") Backend engine, ObjectProvider<Clock> clock, TaskNames names) {
    this.engine = engine;
    this.names = names;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/")
  String work(
      WorkFilter filter, @ModelAttribute("me") Person me, Model model, HttpServletRequest request) {
    WorkFilter.Query query = filter.query();
    JsonNode page = engine.get(query.uri(), JsonNode.class, query.variables());
    List<TaskView> tasks = new ArrayList<>();
    page.path("items").forEach(task -> tasks.add(TaskView.of(task, me, clock.instant(), names)));
    long total = page.path("total").asLong();
    model.addAttribute("filter", filter);
    model.addAttribute(
        "here", request.getQueryString() == null ? "/" : "/?" + request.getQueryString());
    model.addAttribute("tasks", tasks);
    model.addAttribute("total", total);
    model.addAttribute("previous", filter.page() > 0 ? filter.onPage(filter.page() - 1) : null);
    model.addAttribute(
        "next",
        (long) (filter.page() + 1) * WorkFilter.SIZE < total
            ? filter.onPage(filter.page() + 1)
            : null);
    return "pages/work";
  }

  /**
   * Claim a task, or give it back: htmx swaps in the task's row as it now is, with the message out
   * of band; without JavaScript, back to the page the person came from (post, redirect, get).
   */
  @PostMapping("/tasks/{id}/{action:claim|unclaim}")
  String claimOrGiveBack(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String back,
      @RequestHeader(name = "HX-Request", required = false) boolean htmx,
      @ModelAttribute("me") Person me,
      Model model,
      RedirectAttributes flash) {
    return command(id, action, null, version, new Reply(htmx, back, me, model, flash));
  }

  @PostMapping("/tasks/{id}/assign")
  String assign(
      @PathVariable String id,
      @RequestParam String assignee,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String back,
      @RequestHeader(name = "HX-Request", required = false) boolean htmx,
      @ModelAttribute("me") Person me,
      Model model,
      RedirectAttributes flash) {
    return command(
        id,
        "assign",
        Map.of("assignee", assignee.strip()),
        version,
        new Reply(htmx, back, me, model, flash));
  }

  /**
   * Several tasks claimed, or assigned to one person, at once; the list shows each task's result.
   */
  @PostMapping("/tasks/bulk")
  String bulk(
      @RequestParam String action,
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam(required = false) String assignee,
      RedirectAttributes flash) {
    if (taskIds == null || taskIds.isEmpty()) {
      flash.addFlashAttribute("notice", "page.bulk.none");
      return "redirect:/";
    }
    String command = "assign".equals(action) ? "assign" : "claim";
    JsonNode results =
        engine.post(
            "/api/tasks/bulk/{action}",
            new BulkRequest(taskIds, "assign".equals(command) ? assignee.strip() : null),
            JsonNode.class,
            command);
    List<BulkResult> shown = new ArrayList<>();
    results.forEach(result -> shown.add(BulkResult.of(result, names)));
    flash.addFlashAttribute("bulkResults", shown);
    return "redirect:/";
  }

  /**
   * One command on one task, as the person last saw it (If-Match); a refusal is shown in words with
   * the task as it now is. Without JavaScript, the message is kept for the page the person is sent
   * back to (post, redirect, get); with htmx, the task's row is the answer.
   */
  private String command(String id, String action, Object body, String version, Reply reply) {
    JsonNode now = null;
    String kind;
    String message;
    try {
      now =
          engine
              .exchange(
                  HttpMethod.POST,
                  "/api/tasks/{id}/" + action,
                  body,
                  version == null || version.isBlank() ? null : "\"" + version + "\"",
                  JsonNode.class,
                  id)
              .getBody();
      kind = "done";
      message = "page.done." + action;
    } catch (ErrorResponseException refused) {
      kind = "refused";
      message = refused.getBody().getDetail();
    }
    if (!reply.htmx()) {
      reply.flash().addFlashAttribute(kind, message);
      return "redirect:" + Back.to(reply.back());
    }
    reply.model().addAttribute(kind, message);
    return row(id, now, reply);
  }

  /**
   * htmx's answer: the task's row alone as it now is ({@code now}, the command's answer, else read
   * again: claimed, given back, or as someone else left it), focused on what the person would do
   * next, and the message swapped in out of band; a task they may no longer see leaves the list.
   */
  private String row(String id, JsonNode now, Reply reply) {
    JsonNode task = now;
    if (task == null) {
      try {
        task = engine.get("/api/tasks/{id}", JsonNode.class, id);
      } catch (ErrorResponseException gone) {
        task = null;
      }
    }
    Model model = reply.model();
    model.addAttribute("here", Back.to(reply.back()));
    model.addAttribute("oob", true);
    if (task == null) {
      model.addAttribute("gone", true);
    } else {
      model.addAttribute("t", TaskView.of(task, reply.me(), clock.instant(), names));
      model.addAttribute("focus", true);
    }
    return "pages/work-row";
  }

  /** How a command on one task from My work is answered, and where the person came from. */
  private record Reply(
      boolean htmx, String back, Person me, Model model, RedirectAttributes flash) {}

  /** The tasks of a bulk command; the assignee for assign. */
  record BulkRequest(List<String> taskIds, String assignee) {}

  /** One task's result of a bulk command, in words. */
  record BulkResult(String taskId, String name, int status, String detail) {

    static BulkResult of(JsonNode result, TaskNames names) {
      JsonNode task = result.path("task");
      return new BulkResult(
          result.path("taskId").asText(),
          names.task(
              TaskView.text(task.path("taskKey")),
              task.path("name").asText(result.path("taskId").asText())),
          result.path("status").asInt(),
          TaskView.text(result.path("problem").path("detail")));
    }

    public boolean ok() {
      return status < 300;
    }
  }
}
