package org.uprengage.webapi.page.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A Working Group session as the calendar shows it: its dates, deadlines and version. */
record SessionView(
    int number,
    int cycle,
    LocalDate startsOn,
    LocalDate endsOn,
    boolean tentative,
    Integer hrcSession,
    String hrcSource,
    LocalDate hrcOpensOn,
    LocalDate hrcClosesOn,
    List<Deadline> deadlines,
    int version) {

  static SessionView of(JsonNode session) {
    List<Deadline> deadlines = new ArrayList<>();
    session
        .path("deadlines")
        .properties()
        .forEach(
            deadline ->
                deadlines.add(
                    new Deadline(
                        deadline.getKey(),
                        date(deadline.getValue().path("value")),
                        deadline.getValue().path("source").asText(null),
                        deadline.getValue().path("rule").asText(null))));
    JsonNode hrc = session.path("hrcSession");
    JsonNode adopting = session.path("adoptingSession");
    return new SessionView(
        session.path("number").asInt(),
        session.path("cycle").asInt(),
        date(session.path("startsOn")),
        date(session.path("endsOn")),
        session.path("datesTentative").asBoolean(),
        hrc.path("value").isNumber() ? hrc.path("value").asInt() : null,
        hrc.path("source").asText(null),
        date(adopting.path("opensOn")),
        date(adopting.path("closesOn")),
        deadlines,
        session.path("version").asInt());
  }

  /** The form an admin corrects the session with, holding its official values. */
  public SessionForm form() {
    return SessionForm.of(this);
  }

  /** The value of the deadline named so (its key in the API), where it is official. */
  LocalDate official(String key) {
    return deadlines.stream()
        .filter(d -> d.key().equals(key) && "official".equals(d.source()))
        .map(Deadline::value)
        .findFirst()
        .orElse(null);
  }

  private static LocalDate date(JsonNode value) {
    return value.isTextual() ? LocalDate.parse(value.asText()) : null;
  }

  /** One deadline of the session: official (as OHCHR published it) or computed (by its rule). */
  record Deadline(String key, LocalDate value, String source, String rule) {}
}
