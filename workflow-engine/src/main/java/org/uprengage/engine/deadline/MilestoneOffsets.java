package org.uprengage.engine.deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many days before the date it hangs on each configurable milestone falls: the UN-entity
 * submission deadline for the submission's milestones, the session's opening for {@code briefings}.
 * The defaults follow the usual RCO plan; an installation sets its own under {@code
 * upr.milestones.days-before}, a country team its own through {@link TeamMilestoneOffsets}.
 */
@ConfigurationProperties("upr.milestones")
public record MilestoneOffsets(Map<String, Integer> daysBefore) {

  public static final String CALL_FOR_INPUTS = "callForInputs";
  public static final String AGENCY_DRAFTS_DUE = "agencyDraftsDue";
  public static final String CONSOLIDATION = "consolidation";
  public static final String CLEARANCE = "clearance";
  public static final String RC_SIGN_OFF = "rcSignOff";
  public static final String SUBMISSION = "submission";
  public static final String BRIEFINGS = "briefings";

  public MilestoneOffsets {
    Map<String, Integer> offsets = new LinkedHashMap<>();
    offsets.put(CALL_FOR_INPUTS, 70);
    offsets.put(AGENCY_DRAFTS_DUE, 42);
    offsets.put(CONSOLIDATION, 28);
    offsets.put(CLEARANCE, 14);
    offsets.put(RC_SIGN_OFF, 7);
    offsets.put(SUBMISSION, 0);
    offsets.put(BRIEFINGS, 28);
    if (daysBefore != null) {
      daysBefore.forEach(
          (key, days) -> {
            if (!offsets.containsKey(key)) {
              throw new IllegalArgumentException(
                  "upr.milestones.days-before."
                      + key
                      + ": no such milestone; known: "
                      + offsets.keySet());
            }
            if (days == null || days < 0) {
              throw new IllegalArgumentException(
                  "upr.milestones.days-before." + key + " must be 0 or more days");
            }
            offsets.put(key, days);
          });
    }
    daysBefore = Map.copyOf(offsets);
  }

  /** The configurable milestones in plan order. */
  public static final List<String> KEYS =
      List.of(
          CALL_FOR_INPUTS,
          AGENCY_DRAFTS_DUE,
          CONSOLIDATION,
          CLEARANCE,
          RC_SIGN_OFF,
          SUBMISSION,
          BRIEFINGS);

  /** The submission's milestones, which must keep their order (each no earlier than the last). */
  public static final List<String> SUBMISSION_KEYS = KEYS.subList(0, 6);
}
