package org.uprengage.engine.session;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.web.ETags;

/** The HRC's regular sessions: read by everyone, kept by admins with If-Match. */
@RestController
@RequestMapping("/api/hrc-sessions")
class HrcSessionController {

  private final HrcSessions sessions;
  private final AuditedChanges changes;

  HrcSessionController(HrcSessions sessions, AuditedChanges changes) {
    this.sessions = sessions;
    this.changes = changes;
  }

  @GetMapping
  List<HrcSession> all() {
    return sessions.all();
  }

  @GetMapping("/{number}")
  ResponseEntity<HrcSession> one(@PathVariable int number) {
    HrcSession session =
        sessions.find(number).orElseThrow(() -> new NotFound("HRC session", number));
    return ETags.ok(session, session.version());
  }

  @PatchMapping(
      path = "/{number}",
      consumes = {"application/merge-patch+json", "application/json"})
  ResponseEntity<HrcSession> change(
      Caller caller,
      @PathVariable int number,
      @RequestBody Map<String, Object> patch,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer expected = ETags.ifMatch(ifMatch, "the ETag of the HRC session");
    return changes.commit(
        () -> {
          HrcSession session = sessions.update(caller, number, patch, expected);
          return ETags.ok(session, session.version());
        });
  }
}
