package org.uprengage.engine.session;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A session with every deadline a country team plans against, each saying whether OHCHR published
 * it ({@code official}) or the fallback rules computed it ({@code computed}, with the rule), and
 * the HRC session that adopts its outcomes.
 *
 * @param submissionCountsBackFrom the deadline a UN country team's submission counts back from:
 *     {@code unEntitySubmission} where OHCHR published one for UN entities, else {@code
 *     stakeholderSubmission} (which UN entities then share)
 */
public record SessionView(
    int number,
    int cycle,
    LocalDate startsOn,
    LocalDate endsOn,
    boolean datesTentative,
    Dated<Integer> hrcSession,
    HrcSession adoptingSession,
    Map<String, Dated<LocalDate>> deadlines,
    String submissionCountsBackFrom,
    int version) {

  public static final String OFFICIAL = "official";
  public static final String COMPUTED = "computed";

  public static final String STAKEHOLDER_SUBMISSION = "stakeholderSubmission";
  public static final String UN_ENTITY_SUBMISSION = "unEntitySubmission";
  public static final String NATIONAL_REPORT = "nationalReport";
  public static final String ADDENDUM_EARLY = "addendumEarly";
  public static final String ADDENDUM_FINAL = "addendumFinal";

  static SessionView of(UprSession session, IntFunction<HrcSession> hrcSessions) {
    Dated<Integer> hrc =
        session.hrcSession() != null
            ? Dated.official(session.hrcSession())
            : Dated.computed(
                DeadlineRules.hrcSessionAdopting(session.startsOn()),
                "the regular HRC session after the WG session (Jan/Feb -> June, Apr/May -> September, Oct/Nov -> March)");
    Dated<LocalDate> stakeholder =
        session.stakeholderDeadline() != null
            ? Dated.official(session.stakeholderDeadline())
            : Dated.computed(
                DeadlineRules.stakeholderSubmission(session.startsOn()),
                "7 months before the session opens");
    Dated<LocalDate> unEntity =
        session.unEntityDeadline() != null
            ? Dated.official(session.unEntityDeadline())
            : new Dated<>(
                stakeholder.value(),
                stakeholder.source(),
                "the stakeholder submission deadline"
                    + (stakeholder.rule() == null ? "" : ", " + stakeholder.rule()));
    Map<String, Dated<LocalDate>> deadlines = new LinkedHashMap<>();
    deadlines.put(STAKEHOLDER_SUBMISSION, stakeholder);
    deadlines.put(UN_ENTITY_SUBMISSION, unEntity);
    deadlines.put(
        NATIONAL_REPORT,
        session.nationalReportDeadline() != null
            ? Dated.official(session.nationalReportDeadline())
            : Dated.computed(
                DeadlineRules.nationalReport(session.startsOn()),
                "12 weeks before the session opens, on a Monday"));
    HrcSession adopting = hrcSessions.apply(hrc.value());
    Dated<LocalDate> addendumFinal =
        session.addendumFinalDeadline() != null
            ? Dated.official(session.addendumFinalDeadline())
            : Dated.computed(
                DeadlineRules.addendumFinal(adopting.opensOn()),
                "2 weeks before HRC session "
                    + hrc.value()
                    + " opens ("
                    + adopting.opensOn()
                    + ", "
                    + adopting.source()
                    + ")");
    deadlines.put(
        ADDENDUM_EARLY,
        session.addendumEarlyDeadline() != null
            ? Dated.official(session.addendumEarlyDeadline())
            : Dated.computed(
                DeadlineRules.addendumEarly(addendumFinal.value()),
                "9 weeks before the final addendum deadline"));
    deadlines.put(ADDENDUM_FINAL, addendumFinal);
    return new SessionView(
        session.number(),
        session.cycle(),
        session.startsOn(),
        session.endsOn(),
        session.datesTentative(),
        hrc,
        adopting,
        deadlines,
        session.unEntityDeadline() != null ? UN_ENTITY_SUBMISSION : STAKEHOLDER_SUBMISSION,
        session.version());
  }

  /** A value and where it comes from; {@code rule} says how a computed one was found. */
  public record Dated<T>(T value, String source, String rule) {

    static <T> Dated<T> official(T value) {
      return new Dated<>(value, OFFICIAL, null);
    }

    static <T> Dated<T> computed(T value, String rule) {
      return new Dated<>(value, COMPUTED, rule);
    }
  }
}
