package org.uprengage.notification.inbox;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class InboxController {

  private final Inbox inbox;
  private final LiveInbox live;
  private final String usernameClaim;

  InboxController(
      Inbox inbox,
      LiveInbox live,
      @org.springframework.beans.factory.annotation.Value(
              "${upr.security.claims.username:preferred_username}")
          String usernameClaim) {
    this.inbox = inbox;
    this.live = live;
    this.usernameClaim = usernameClaim;
  }

  /** Each new in-app notification of the caller, as it is made (server-sent events). */
  @GetMapping(
      path = "/stream",
      produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
  org.springframework.web.servlet.mvc.method.annotation.SseEmitter stream(
      @AuthenticationPrincipal Jwt token) {
    return live.open(username(token));
  }

  @GetMapping
  NotificationPage mine(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > Inbox.MAX_PAGE_SIZE) {
      throw invalid("size", "must be between 1 and " + Inbox.MAX_PAGE_SIZE);
    }
    return inbox.of(username(token), page, size);
  }

  @PostMapping("/read-all")
  java.util.Map<String, Integer> markAllRead(@AuthenticationPrincipal Jwt token) {
    return java.util.Map.of("marked", inbox.markAllRead(username(token)));
  }

  @PostMapping("/{id}/read")
  Notification markRead(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return inbox
        .markRead(username(token), id)
        .orElseThrow(
            () -> {
              ProblemDetail problem =
                  ProblemDetail.forStatusAndDetail(
                      HttpStatus.NOT_FOUND, "You have no notification " + id + ".");
              problem.setTitle("Notification not found");
              return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
            });
  }

  private String username(Jwt token) {
    String username = token.getClaimAsString(usernameClaim);
    return username == null || username.isBlank() ? token.getSubject() : username;
  }

  private static ErrorResponseException invalid(String field, String message) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
    problem.setTitle("Invalid input");
    problem.setProperty(
        "errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
