package org.uprengage.engine.overview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.security.Caller;

/** The reviews of the caller's country teams, the latest started first. */
@RestController
class ReviewListController {

  private final ReviewOverview overview;

  ReviewListController(ReviewOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/api/reviews")
  ReviewSummaryPage list(
      Caller caller,
      @RequestParam(required = false) String countryTeam,
      @RequestParam(required = false) String state,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return overview.list(caller, countryTeam, state, page, size);
  }
}
