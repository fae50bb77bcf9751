package org.uprengage.engine.session;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.web.ETags;

/** The session calendar: read by everyone, kept by admins, every change versioned. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

  private final SessionCalendar calendar;
  private final AuditedChanges changes;

  SessionController(SessionCalendar calendar, AuditedChanges changes) {
    this.calendar = calendar;
    this.changes = changes;
  }

  @GetMapping
  List<SessionView> all() {
    return calendar.all();
  }

  @GetMapping("/{number}")
  ResponseEntity<SessionView> one(@PathVariable int number) {
    SessionView session = calendar.view(number).orElseThrow(() -> new NotFound("Session", number));
    return ETags.ok(session, session.version());
  }

  @GetMapping("/{number}/history")
  List<SessionChange> history(@PathVariable int number) {
    calendar.find(number).orElseThrow(() -> new NotFound("Session", number));
    return calendar.history(number);
  }

  @PostMapping
  ResponseEntity<SessionView> create(Caller caller, @RequestBody Map<String, Object> body) {
    return changes.commit(
        () -> {
          SessionView session = calendar.create(caller, body);
          return ResponseEntity.created(URI.create("/api/sessions/" + session.number()))
              .eTag(String.valueOf(session.version()))
              .body(session);
        });
  }

  @PatchMapping(
      path = "/{number}",
      consumes = {"application/merge-patch+json", "application/json"})
  ResponseEntity<SessionView> change(
      Caller caller,
      @PathVariable int number,
      @RequestBody Map<String, Object> patch,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, "the ETag of the session");
    return changes.commit(
        () -> {
          SessionView session = calendar.update(caller, number, patch, expected);
          return ETags.ok(session, session.version());
        });
  }
}
