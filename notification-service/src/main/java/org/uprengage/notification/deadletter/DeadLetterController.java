package org.uprengage.notification.deadletter;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.notification.security.Callers;

/** The dead-letter topics for platform admins: what is parked, and replaying it after a fix. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

  private final DeadLetters deadLetters;
  private final Callers callers;

  DeadLetterController(DeadLetters deadLetters, Callers callers) {
    this.deadLetters = deadLetters;
    this.callers = callers;
  }

  @GetMapping
  List<DeadLetter> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "parked") String state) {
    return deadLetters.list(callers.of(token), topic, state);
  }

  @PostMapping("/{id}/replay")
  DeadLetter replay(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return deadLetters.replay(callers.of(token), id);
  }

  @PostMapping("/replay")
  DeadLetters.Replayed replayAll(
      @AuthenticationPrincipal Jwt token, @RequestParam(required = false) String topic) {
    return deadLetters.replayAll(callers.of(token), topic);
  }
}
