package org.uprengage.webapi.page.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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

/**
 * Calendar: the Working Group's sessions with every deadline (official or computed) and the Human
 * Rights Council's sessions that adopt the outcomes; admins add sessions and correct them as they
 * last saw them (If-Match). A session changed meanwhile is shown as it now is, in words, with what
 * the admin typed kept for them to check and save again.
 */
@Controller
class CalendarPage {

  private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");
  private static final ObjectMapper NULLS_KEPT = new ObjectMapper();

  private final Backend engine;

  CalendarPage(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/calendar")
  String calendar(@ModelAttribute("me") Person me, Model model) {
    List<SessionView> sessions = new ArrayList<>();
    engine.get("/api/sessions", JsonNode.class).forEach(s -> sessions.add(SessionView.of(s)));
    model.addAttribute("sessions", sessions);
    List<HrcView> hrcSessions = new ArrayList<>();
    engine
        .get("/api/hrc-sessions", JsonNode.class)
        .forEach(
            h ->
                hrcSessions.add(
                    new HrcView(
                        h.path("number").asInt(),
                        LocalDate.parse(h.path("opensOn").asText()),
                        LocalDate.parse(h.path("closesOn").asText()),
                        h.path("source").asText())));
    model.addAttribute("hrcSessions", hrcSessions);
    model.addAttribute("admin", me.roles().contains("admin"));
    if (!model.containsAttribute("newSession")) {
      model.addAttribute("newSession", SessionForm.blank());
    }
    return "pages/calendar";
  }

  @PostMapping("/calendar/sessions")
  String add(@RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
    SessionForm typed = SessionForm.typed(params);
    try {
      engine.exchange(HttpMethod.POST, "/api/sessions", typed.created(), null, JsonNode.class);
      flash.addFlashAttribute("done", "page.done.sessionAdded");
      return "redirect:/calendar#session-" + typed.number().strip();
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute("newSession", typed);
      FieldErrors.flash(refused, flash);
      return "redirect:/calendar#add-title";
    }
  }

  /** A session's dates corrected as the admin last saw them (its version as If-Match). */
  @PostMapping("/calendar/sessions/{number}")
  String correct(
      @PathVariable int number,
      @RequestParam MultiValueMap<String, String> params,
      RedirectAttributes flash)
      throws JsonProcessingException {
    SessionForm typed = SessionForm.typed(params);
    try {
      engine.exchange(
          HttpMethod.PATCH,
          "/api/sessions/{number}",
          MERGE_PATCH,
          // as written here: the services' JSON leaves nulls out, and a null clears a deadline
          NULLS_KEPT.writeValueAsString(typed.changes()),
          "\"" + typed.version() + "\"",
          JsonNode.class,
          number);
      flash.addFlashAttribute("done", "page.done.sessionChanged");
    } catch (ErrorResponseException refused) {
      int status = refused.getStatusCode().value();
      if (status == 409 || status == 412) {
        // the session as it now is, and who changed it last; the form keeps what was typed
        SessionView now =
            SessionView.of(engine.get("/api/sessions/{number}", JsonNode.class, number));
        JsonNode history = engine.get("/api/sessions/{number}/history", JsonNode.class, number);
        JsonNode last = history.isEmpty() ? null : history.get(history.size() - 1);
        flash.addFlashAttribute("current", now);
        flash.addFlashAttribute(
            "changedBy", last == null ? null : last.path("changedBy").asText(null));
        typed = typed.over(SessionForm.of(now));
      }
      flash.addFlashAttribute("typedSession", typed);
      FieldErrors.flash(refused, flash);
    }
    return "redirect:/calendar#session-" + number;
  }

  /** A regular session of the Human Rights Council, and whether its dates are published. */
  record HrcView(int number, LocalDate opensOn, LocalDate closesOn, String source) {}
}
