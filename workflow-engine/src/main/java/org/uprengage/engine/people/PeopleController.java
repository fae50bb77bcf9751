package org.uprengage.engine.people;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** The directory of people: listed by admins and coordinators, loaded from a CSV by admins. */
@RestController
@RequestMapping("/api/people")
class PeopleController {

  private final People people;
  private final PeopleImport imports;
  private final AuditedChanges changes;

  PeopleController(People people, PeopleImport imports, AuditedChanges changes) {
    this.people = people;
    this.imports = imports;
    this.changes = changes;
  }

  @GetMapping
  List<Person> list(Caller caller, @RequestParam(required = false) String countryTeam) {
    return people.list(caller, countryTeam);
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  ResponseEntity<PeopleImport.Result> load(Caller caller, @RequestBody String csv) {
    return changes.commit(() -> ResponseEntity.ok(imports.load(caller, csv)));
  }
}
