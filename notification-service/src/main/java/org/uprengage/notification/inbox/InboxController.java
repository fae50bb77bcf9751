package org.uprengage.notification.inbox;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.uprengage.notification.security.Callers;
import org.uprengage.notification.web.Problems;

/** The caller's own inbox: a page of it, its live stream, and marking notifications read. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

  private final Inbox inbox;
  private final LiveInbox live;
  private final Callers callers;

  InboxController(Inbox inbox, LiveInbox live, Callers callers) {
    this.inbox = inbox;
    this.live = live;
    this.callers = callers;
  }

  /** Each new in-app notification of the caller, as it is made (server-sent events). */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@AuthenticationPrincipal Jwt token) {
    return live.open(username(token));
  }

  @GetMapping
  NotificationPage mine(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw Problems.invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > Inbox.MAX_PAGE_SIZE) {
      throw Problems.invalid("size", "must be between 1 and " + Inbox.MAX_PAGE_SIZE);
    }
    return inbox.of(username(token), page, size);
  }

  @PostMapping("/read-all")
  Map<String, Integer> markAllRead(@AuthenticationPrincipal Jwt token) {
    return Map.of("marked", inbox.markAllRead(username(token)));
  }

  @PostMapping("/{id}/read")
  Notification markRead(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return inbox
        .markRead(username(token), id)
        .orElseThrow(
            () ->
                Problems.notFound(
                    "Notification not found", "You have no notification " + id + "."));
  }

  private String username(Jwt token) {
    return callers.of(token).username();
  }
}
