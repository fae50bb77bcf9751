package org.uprengage.engine.deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many days before the date it hangs on each configurable milestone falls ({@link
 * #COUNTED_FROM}). The defaults follow the usual RCO plan; an installation sets its own under
 * {@code upr.milestones.days-before}, a country team its own through {@link TeamMilestoneOffsets}.
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
  public static final String COMPILATION_CHECK = "compilationCheck";
  public static final String ADVANCE_QUESTIONS = "advanceQuestions";
  public static final String NATIONAL_REPORT_SUPPORT = "nationalReportSupport";
  public static final String STAKEHOLDER_SUPPORT = "stakeholderSupport";

  /** The State's own review day in its WG session. */
  public static final String STATE_REVIEW = "stateReview";

  public static final String UN_ENTITY_SUBMISSION = "unEntitySubmission";
  public static final String NATIONAL_REPORT = "nationalReport";
  public static final String STAKEHOLDER_SUBMISSION = "stakeholderSubmission";

  public MilestoneOffsets {
    Map<String, Integer> offsets = new LinkedHashMap<>();
    offsets.put(CALL_FOR_INPUTS, 70);
    offsets.put(AGENCY_DRAFTS_DUE, 42);
    offsets.put(CONSOLIDATION, 28);
    offsets.put(CLEARANCE, 14);
    offsets.put(RC_SIGN_OFF, 7);
    offsets.put(SUBMISSION, 0);
    offsets.put(BRIEFINGS, 28);
    offsets.put(COMPILATION_CHECK, 42);
    offsets.put(ADVANCE_QUESTIONS, 10);
    offsets.put(NATIONAL_REPORT_SUPPORT, 14);
    offsets.put(STAKEHOLDER_SUPPORT, 14);
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
          BRIEFINGS,
          COMPILATION_CHECK,
          ADVANCE_QUESTIONS,
          NATIONAL_REPORT_SUPPORT,
          STAKEHOLDER_SUPPORT);

  /**
   * The date each configurable milestone counts back from: the UN-entity deadline for the
   * submission's; the State's review day for the tasks before the dialogue (the UN compilation is
   * published about six weeks before it, written questions go about ten days before it); the
   * national report and the stakeholders' deadlines for the support to those reports.
   */
  public static final Map<String, String> COUNTED_FROM =
      Map.ofEntries(
          Map.entry(CALL_FOR_INPUTS, UN_ENTITY_SUBMISSION),
          Map.entry(AGENCY_DRAFTS_DUE, UN_ENTITY_SUBMISSION),
          Map.entry(CONSOLIDATION, UN_ENTITY_SUBMISSION),
          Map.entry(CLEARANCE, UN_ENTITY_SUBMISSION),
          Map.entry(RC_SIGN_OFF, UN_ENTITY_SUBMISSION),
          Map.entry(SUBMISSION, UN_ENTITY_SUBMISSION),
          Map.entry(BRIEFINGS, STATE_REVIEW),
          Map.entry(COMPILATION_CHECK, STATE_REVIEW),
          Map.entry(ADVANCE_QUESTIONS, STATE_REVIEW),
          Map.entry(NATIONAL_REPORT_SUPPORT, NATIONAL_REPORT),
          Map.entry(STAKEHOLDER_SUPPORT, STAKEHOLDER_SUBMISSION));

  /** The submission's milestones, which must keep their order (each no earlier than the last). */
  public static final List<String> SUBMISSION_KEYS = KEYS.subList(0, 6);
}
