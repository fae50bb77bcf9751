package org.uprengage.webapi.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** A decision on a round of a joint submission, as the pages show it (when: person's zone). */
public record Decision(
    int round,
    String stage,
    String agency,
    String decision,
    String comments,
    String by,
    ZonedDateTime decidedAt) {

  /** The decisions of a joint submission as the engine's submission answer lists them. */
  public static List<Decision> of(JsonNode submission, Person me) {
    List<Decision> decisions = new ArrayList<>();
    submission
        .path("decisions")
        .forEach(
            decision ->
                decisions.add(
                    new Decision(
                        decision.path("round").asInt(),
                        decision.path("stage").asText(),
                        decision.path("agency").asText(null),
                        decision.path("decision").asText(),
                        decision.path("comments").asText(null),
                        decision.path("decidedBy").asText(),
                        decision.path("decidedAt").isTextual()
                            ? me.local(Instant.parse(decision.path("decidedAt").asText()))
                            : null)));
    return decisions;
  }
}
