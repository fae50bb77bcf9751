package org.uprengage.engine.submission;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;

/** The decisions on the joint submission waiting on the caller (or their teams). */
@RestController
class ApprovalController {

  private final Approvals approvals;

  ApprovalController(Approvals approvals) {
    this.approvals = approvals;
  }

  @GetMapping("/api/approvals")
  List<Approvals.Approval> waiting(
      Caller caller, @RequestParam(defaultValue = "both") String show) {
    if (!List.of("mine", "both", "team").contains(show)) {
      throw new InvalidInput("show", "must be one of mine, both, team");
    }
    return approvals.waiting(caller, show);
  }
}
