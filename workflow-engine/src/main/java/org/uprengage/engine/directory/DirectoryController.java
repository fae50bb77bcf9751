package org.uprengage.engine.directory;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** The agencies known to this installation: read by everyone, added by platform admins. */
@RestController
class DirectoryController {

  private final Directory directory;
  private final AuditedChanges changes;

  DirectoryController(Directory directory, AuditedChanges changes) {
    this.directory = directory;
    this.changes = changes;
  }

  @PostMapping("/api/agencies")
  ResponseEntity<Directory.Agency> add(Caller caller, @RequestBody Map<String, Object> body) {
    return changes.commit(
        () -> {
          Directory.Agency agency = directory.add(caller, body);
          return ResponseEntity.status(HttpStatus.CREATED).body(agency);
        });
  }

  @GetMapping("/api/agencies")
  List<Directory.Agency> agencies() {
    return directory.agencies();
  }
}
