package org.uprengage.engine.recommendation;

import java.util.List;

/** The result of each position asked for, in the order asked, and the changes made. */
public record PositionsApplied(List<PositionResult> results, List<ChangedPosition> changes) {

  public long count(String result) {
    return results.stream().filter(r -> r.result().equals(result)).count();
  }
}
