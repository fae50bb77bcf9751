package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * rules from the form description the engine serves). A task of the joint submission shows the
 * texts it works on ({@link TaskText}) and its form opens with the text to work on. Completing it
 * keeps what the person typed whatever goes wrong: field errors beside their field, a task changed
 * meanwhile (409) shown as it now is.
 */
@Controller
class TaskPage {

  private final Backend engine;
  private final Clock clock;
  private final TaskNames names;
  private final MessageSource messages;

  TaskPage(
      @Qualifier("engine") Backend engine,
      ObjectProvider<Clock> clock,
      TaskNames names,
      MessageSource messages) {
    this.engine = engine;
    this.names = names;
    this.messages = messages;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, @ModelAttribute("me") Person me, Model model) {
    Loaded task = load(id, me);
    return show(
        task,
        FormValues.prefilled(task.view().form(), task.text().prefill(task.view().taskKey())),
        me,
        model);
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params,
      @ModelAttribute("me") Person me,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    Loaded loaded = load(id, me);
    TaskView task = loaded.view();
    FormValues typed = new FormValues(task.form(), params);
    Map<String, Object> inputs =
        typed.inputs(
            task.form(),
            (code, arguments) ->
                messages.getMessage(code, arguments, LocaleContextHolder.getLocale()));
    if (!typed.errors().isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(loaded, typed, me, model);
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

  /** The task, and for a task of the joint submission the texts it works on. */
  private Loaded load(String id, Person me) {
    JsonNode task = engine.get("/api/tasks/{id}", JsonNode.class, id);
    TaskView view = TaskView.of(task, me, clock.instant(), names);
    TaskText text =
        view.reviewId() != null && TaskText.TASKS.contains(view.taskKey())
            ? TaskText.of(
                task,
                engine.get("/api/reviews/{id}/submission", JsonNode.class, view.reviewId()),
                me)
            : TaskText.NONE;
    return new Loaded(view, text);
  }

  private String show(Loaded task, FormValues typed, Person me, Model model) {
    RoundWork.prepare(engine, task.view(), me, me.today(clock.instant()), model);
    model.addAttribute("task", task.view());
    model.addAttribute("text", task.text());
    model.addAttribute("typed", typed);
    return "pages/task";
  }

  private record Loaded(TaskView view, TaskText text) {}
}
