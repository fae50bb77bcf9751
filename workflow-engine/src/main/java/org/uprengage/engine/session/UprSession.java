package org.uprengage.engine.session;

import java.time.LocalDate;

/**
 * A UPR Working Group session as the calendar stores it: the dates OHCHR published (null where it
 * has not) and the version of the entry. {@link SessionView} adds the computed dates.
 */
public record UprSession(
    int number,
    int cycle,
    LocalDate startsOn,
    LocalDate endsOn,
    boolean datesTentative,
    Integer hrcSession,
    LocalDate stakeholderDeadline,
    LocalDate unEntityDeadline,
    LocalDate nationalReportDeadline,
    LocalDate addendumEarlyDeadline,
    LocalDate addendumFinalDeadline,
    int version) {}
