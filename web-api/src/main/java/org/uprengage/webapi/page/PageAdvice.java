package org.uprengage.webapi.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
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

  // providers: web-api's controller slices in tests load this advice without the security beans
  private final ObjectProvider<Callers> callers;
  private final ObjectProvider<PagePreferences> preferences;

  PageAdvice(ObjectProvider<Callers> callers, ObjectProvider<PagePreferences> preferences) {
    this.callers = callers;
    this.preferences = preferences;
  }

  /** The signed-in person; none on the sign-in page. */
  @ModelAttribute("me")
  public Person me(Principal principal, HttpServletRequest request) {
    return principal == null
        ? null
        : Person.of(callers.getObject().current(), preferences.getObject().of(request).zone());
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
      HttpServletRequest request) {
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
      model.addAttribute("me", me(principal, request));
    } catch (RuntimeException unknown) {
      // the failure was finding out who they are: the header names no one
    }
    model.addAttribute("title", problem.getTitle());
    model.addAttribute("detail", problem.getDetail());
    return "pages/problem";
  }
}
