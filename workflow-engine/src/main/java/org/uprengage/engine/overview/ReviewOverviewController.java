package org.uprengage.engine.overview;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditEntry;
import org.uprengage.engine.security.Caller;

/** A review as a whole: its detail, its audit trail and its timeline. */
@RestController
@RequestMapping("/api/reviews/{id}")
class ReviewOverviewController {

  private final ReviewOverview overview;

  ReviewOverviewController(ReviewOverview overview) {
    this.overview = overview;
  }

  @GetMapping
  ReviewDetail detail(Caller caller, @PathVariable UUID id) {
    return overview.detail(caller, id);
  }

  @GetMapping("/audit")
  List<AuditEntry> audit(Caller caller, @PathVariable UUID id) {
    return overview.audit(caller, id);
  }

  @GetMapping("/timeline")
  List<TimelineEntry> timeline(Caller caller, @PathVariable UUID id) {
    return overview.timeline(caller, id);
  }
}
