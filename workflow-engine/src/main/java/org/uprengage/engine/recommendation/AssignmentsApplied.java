package org.uprengage.engine.recommendation;

import java.util.List;

/**
 * What became of each recommendation an assignment named (paragraphs refused first, in the order
 * asked, then the others in the register's order), and how many were changed, unchanged and
 * rejected.
 */
public record AssignmentsApplied(
    long changed, long unchanged, long rejected, List<PositionResult> results) {

  static AssignmentsApplied of(List<PositionResult> results) {
    return new AssignmentsApplied(
        count(results, PositionResult.CHANGED),
        count(results, PositionResult.UNCHANGED),
        count(results, PositionResult.REJECTED),
        List.copyOf(results));
  }

  private static long count(List<PositionResult> results, String result) {
    return results.stream().filter(r -> r.result().equals(result)).count();
  }
}
