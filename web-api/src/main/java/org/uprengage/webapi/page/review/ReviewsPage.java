package org.uprengage.webapi.page.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.FieldErrors;
import org.uprengage.webapi.page.Person;
import org.uprengage.webapi.page.TaskNames;
import org.uprengage.webapi.security.Callers;

/**
 * Reviews: the reviews of the person's country teams, the latest started first, filtered by team
 * and state, each linked to its page with its stage, WG session, next deadline and open tasks; and
 * for coordinators and admins, a form that starts a review and opens its page. A refusal is shown
 * in words (a field's beside it; a review already there for that session, with a link to it), with
 * what was typed kept.
 */
@Controller
class ReviewsPage {

  private final Backend engine;
  private final TaskNames names;
  private final Callers callers;

  ReviewsPage(@Qualifier("engine") Backend engine, TaskNames names, Callers callers) {
    this.engine = engine;
    this.names = names;
    this.callers = callers;
  }

  @GetMapping("/reviews")
  String reviews(ReviewsFilter filter, @ModelAttribute("me") Person me, Model model) {
    ReviewsFilter.Query query = filter.query();
    JsonNode page = engine.get(query.uri(), JsonNode.class, query.variables());
    List<Listed> reviews = new ArrayList<>();
    page.path("items").forEach(item -> reviews.add(Listed.of(item, names)));
    long total = page.path("total").asLong();
    model.addAttribute("filter", filter);
    model.addAttribute("reviews", reviews);
    model.addAttribute("total", total);
    model.addAttribute("previous", filter.page() > 0 ? filter.onPage(filter.page() - 1) : null);
    model.addAttribute(
        "next",
        (long) (filter.page() + 1) * ReviewsFilter.SIZE < total
            ? filter.onPage(filter.page() + 1)
            : null);
    List<String> teams = callers.current().countryTeams().stream().sorted().toList();
    model.addAttribute("teams", teams);
    model.addAttribute("mayStart", me.coordinator());
    if (me.coordinator()) {
      List<Session> sessions = new ArrayList<>();
      engine
          .get("/api/sessions", JsonNode.class)
          .forEach(
              s ->
                  sessions.add(
                      new Session(
                          s.path("number").asInt(),
                          date(s.path("startsOn")),
                          date(s.path("endsOn")))));
      model.addAttribute("sessions", sessions);
      if (!model.containsAttribute("typed")) {
        model.addAttribute("typed", new StartForm(teams.size() == 1 ? teams.get(0) : "", ""));
      }
    }
    return "pages/reviews";
  }

  /**
   * Starts a review of one of the person's teams in a WG session and opens its page; a refusal
   * sends them back to the form with what they typed.
   */
  @PostMapping("/reviews")
  String start(
      @RequestParam(defaultValue = "") String country,
      @RequestParam(defaultValue = "") String session,
      RedirectAttributes flash) {
    StartForm typed = new StartForm(country.strip(), session.strip());
    try {
      JsonNode started =
          engine
              .exchange(HttpMethod.POST, "/api/reviews", typed.body(), null, JsonNode.class)
              .getBody();
      flash.addFlashAttribute("done", "page.done.reviewStarted");
      return "redirect:/reviews/" + UUID.fromString(started.path("id").asText());
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute("typed", typed);
      if (refused.getStatusCode().value() == 409) {
        // the review already there, to open rather than start again
        UUID existing = existing(typed);
        if (existing != null) {
          flash.addFlashAttribute("existing", existing);
          return "redirect:/reviews#start-title";
        }
      }
      FieldErrors.flash(refused, flash);
      return "redirect:/reviews#start-title";
    }
  }

  /** The team's review in the session typed, where the person sees one. */
  private UUID existing(StartForm typed) {
    if (!typed.country().matches("[A-Z]{3}")) {
      return null;
    }
    for (int page = 0; ; page++) {
      JsonNode found =
          engine.get(
              "/api/reviews?countryTeam={team}&page={page}&size=100",
              JsonNode.class,
              typed.country(),
              page);
      for (JsonNode review : found.path("items")) {
        if (review.path("session").asText().equals(typed.session())) {
          return UUID.fromString(review.path("id").asText());
        }
      }
      if ((long) (page + 1) * 100 >= found.path("total").asLong()) {
        return null;
      }
    }
  }

  private static LocalDate date(JsonNode value) {
    return value.isTextual() ? LocalDate.parse(value.asText()) : null;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : null;
  }

  /** The start form as typed. */
  record StartForm(String country, String session) {

    /** The API's request: the session as a number where it is one (else the engine names it). */
    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("country", country.isEmpty() ? null : country);
      Object number;
      try {
        number = Integer.parseInt(session);
      } catch (NumberFormatException notANumber) {
        number = session.isEmpty() ? null : session;
      }
      body.put("session", number);
      return body;
    }
  }

  /** A WG session the form offers. */
  record Session(int number, LocalDate startsOn, LocalDate endsOn) {}

  /** A review as the list shows it; its step in the person's words. */
  record Listed(
      UUID id,
      String country,
      int session,
      LocalDate sessionStartsOn,
      LocalDate sessionEndsOn,
      String state,
      String stage,
      String step,
      String nextDeadline,
      LocalDate nextDeadlineOn,
      long openTasks) {

    static Listed of(JsonNode item, TaskNames names) {
      JsonNode next = item.path("nextDeadline");
      return new Listed(
          UUID.fromString(item.path("id").asText()),
          item.path("country").asText(),
          item.path("session").asInt(),
          date(item.path("sessionStartsOn")),
          date(item.path("sessionEndsOn")),
          item.path("state").asText(),
          item.path("stage").asText(),
          names.step(text(item.path("step"))),
          text(next.path("key")),
          date(next.path("dueOn")),
          item.path("openTaskCount").asLong());
    }
  }
}
