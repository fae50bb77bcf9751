package org.uprengage.webapi.page;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.security.Callers;
import org.uprengage.webapi.web.ApiProblem;

/**
 * What every page knows (the signed-in person) and how a page shows a failure: the problem's title
 * and detail in words, with its status (404 for what the person may not see).
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

  private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);
  private static final String ZONE = PageAdvice.class.getName() + ".zone";

  // providers: web-api's controller slices in tests load this advice without the security beans
  private final ObjectProvider<Callers> callers;
  private final ObjectProvider<Backend> notifications;

  PageAdvice(
      ObjectProvider<Callers> callers,
      @Qualifier("notifications") ObjectProvider<Backend> notifications) {
    this.callers = callers;
    this.notifications = notifications;
  }

  /** The signed-in person; none on the sign-in page. */
  @ModelAttribute("me")
  public Person me(Principal principal, HttpSession session) {
    return principal == null ? null : Person.of(callers.getObject().current(), zone(session));
  }

  /**
   * The person's time zone, from their notification preferences, read once per session; UTC where
   * they have none or the notification service does not answer.
   */
  private ZoneId zone(HttpSession session) {
    if (session.getAttribute(ZONE) instanceof ZoneId zone) {
      return zone;
    }
    ZoneId zone = ZoneOffset.UTC;
    try {
      Map<?, ?> preferences =
          notifications.getObject().get("/api/me/notification-preferences", Map.class);
      if (preferences != null && preferences.get("timeZone") instanceof String name) {
        zone = ZoneId.of(name);
      }
      session.setAttribute(ZONE, zone);
    } catch (ErrorResponseException | DateTimeException unavailable) {
      // shown in UTC this time; asked again on the next page
    }
    return zone;
  }

  /** Forgets the person's time zone, so that the next page reads their preferences again. */
  public static void forgetZone(HttpSession session) {
    session.removeAttribute(ZONE);
  }

  /**
   * A failure shown as a page: a problem from a service or from Spring MVC in its words and status;
   * anything else logged, and told as a failure on our side.
   */
  @ExceptionHandler(Exception.class)
  String problem(
      Exception e,
      Model model,
      HttpServletResponse response,
      Principal principal,
      HttpSession session) {
    ProblemDetail problem;
    if (e instanceof ErrorResponse known) {
      problem = known.getBody();
    } else {
      log.error("Unexpected failure of a page", e);
      problem = ApiProblem.internal().getBody();
    }
    response.setStatus(problem.getStatus());
    model.addAttribute("status", problem.getStatus());
    try {
      // the page's header names the person, as on every other page
      model.addAttribute("me", me(principal, session));
    } catch (RuntimeException unknown) {
      // the failure was finding out who they are: the header names no one
    }
    model.addAttribute("title", problem.getTitle());
    model.addAttribute("detail", problem.getDetail());
    return "pages/problem";
  }
}
