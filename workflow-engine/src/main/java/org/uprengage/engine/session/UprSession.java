package org.uprengage.engine.session;

import java.time.LocalDate;

/**
 * A UPR Working Group session. Deadlines are null where OHCHR has not published them; the UN-entity
 * deadline defaults to the stakeholder deadline.
 */
public record UprSession(
    int number,
    int cycle,
    LocalDate startsOn,
    LocalDate endsOn,
    boolean datesTentative,
    LocalDate stakeholderDeadline,
    LocalDate unEntityDeadline,
    LocalDate nationalReportDeadline) {}
