package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
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
 * A task's page: what it is, who holds it, when it is due, and its own form (fields, types and
 * rules from the form description the engine serves). Completing it keeps what the person typed
 * whatever goes wrong: field errors beside their field, a task changed meanwhile (409) shown as it
 * now is.
 */
@Controller
class TaskPage {

  private final Backend engine;
  private final Clock clock;
  private final TaskNames names;

  TaskPage(@Qualifier("engine") Backend engine, ObjectProvider<Clock> clock, TaskNames names) {
    this.engine = engine;
    this.names = names;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, @ModelAttribute("me") Person me, Model model) {
    TaskView task = load(id, me);
    return show(task, FormValues.empty(task.form()), me, model);
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params,
      @ModelAttribute("me") Person me,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    TaskView task = load(id, me);
    FormValues typed = new FormValues(task.form(), params);
    Map<String, Object> inputs = typed.inputs(task.form());
    if (!typed.errors().isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(task, typed, me, model);
    }
    String seen = params.getFirst("version");
    try {
      engine.exchange(
          HttpMethod.POST,
          "/api/tasks/{id}/complete",
          inputs,
          seen == null || seen.isBlank() ? task.ifMatch() : "\"" + seen + "\"",
          Void.class,
          id);
    } catch (ErrorResponseException refused) {
      response.setStatus(refused.getStatusCode().value());
      FieldErrors.of(refused).forEach(typed::reject);
      model.addAttribute("refused", refused.getBody().getDetail());
      model.addAttribute("conflict", refused.getStatusCode().value() == 409);
      // the task as it now is (after a 409 someone else changed it), with what the person typed
      return show(load(id, me), typed, me, model);
    }
    flash.addFlashAttribute("completed", task.name());
    return "redirect:/";
  }

  private TaskView load(String id, Person me) {
    JsonNode task = engine.get("/api/tasks/{id}", JsonNode.class, id);
    return TaskView.of(task, me, clock.instant(), names);
  }

  private String show(TaskView task, FormValues typed, Person me, Model model) {
    RoundWork.prepare(engine, task, me, me.today(clock.instant()), model);
    model.addAttribute("task", task);
    model.addAttribute("typed", typed);
    return "pages/task";
  }
}
