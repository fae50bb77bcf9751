package org.uprengage.engine.incident;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** The engine's incidents for platform admins: listed, and retried after a fix (audited). */
@RestController
@RequestMapping("/api/admin/incidents")
class IncidentController {

  private final Incidents incidents;
  private final AuditedChanges changes;

  IncidentController(Incidents incidents, AuditedChanges changes) {
    this.incidents = incidents;
    this.changes = changes;
  }

  @GetMapping
  List<IncidentView> open(Caller caller) {
    return incidents.open(caller);
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<Void> retry(Caller caller, @PathVariable String id) {
    return changes.commit(
        () -> {
          incidents.retry(caller, id);
          return ResponseEntity.accepted().build();
        });
  }
}
