package org.uprengage.engine.submission;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.security.Caller;

/** A review's joint submission as it stands. */
@RestController
class SubmissionController {

  private final SubmissionRecord record;

  SubmissionController(SubmissionRecord record) {
    this.record = record;
  }

  @GetMapping("/api/reviews/{id}/submission")
  SubmissionView submission(Caller caller, @PathVariable UUID id) {
    return record.of(caller, id);
  }
}
