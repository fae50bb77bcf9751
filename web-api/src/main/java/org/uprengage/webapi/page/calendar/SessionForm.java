package org.uprengage.webapi.page.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.util.MultiValueMap;

/**
 * A session's entry as an admin's form holds it: each field's value as typed, and as the admin saw
 * it (sent with the form), so that a correction changes only what they changed. An empty deadline
 * is no official one: it is computed.
 */
record SessionForm(
    String number, Map<String, String> values, Map<String, String> seen, int version) {

  /** The form's official deadlines, named as the API's fields. */
  static final List<String> DEADLINES =
      List.of(
          "stakeholderDeadline",
          "unEntityDeadline",
          "nationalReportDeadline",
          "addendumEarlyDeadline",
          "addendumFinalDeadline");

  /** The session's key for each official deadline in the API's answer. */
  private static final Map<String, String> DEADLINE_KEYS =
      Map.of(
          "stakeholderDeadline", "stakeholderSubmission",
          "unEntityDeadline", "unEntitySubmission",
          "nationalReportDeadline", "nationalReport",
          "addendumEarlyDeadline", "addendumEarly",
          "addendumFinalDeadline", "addendumFinal");

  private static final List<String> FIELDS =
      List.of(
          "startsOn",
          "endsOn",
          "datesTentative",
          "hrcSession",
          "stakeholderDeadline",
          "unEntityDeadline",
          "nationalReportDeadline",
          "addendumEarlyDeadline",
          "addendumFinalDeadline");

  static SessionForm blank() {
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(field -> values.put(field, ""));
    values.put("datesTentative", "true");
    return new SessionForm("", values, values, 0);
  }

  /** The session's own values: its official deadlines only. */
  static SessionForm of(SessionView session) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("startsOn", text(session.startsOn()));
    values.put("endsOn", text(session.endsOn()));
    values.put("datesTentative", String.valueOf(session.tentative()));
    values.put(
        "hrcSession",
        "official".equals(session.hrcSource()) && session.hrcSession() != null
            ? String.valueOf(session.hrcSession())
            : "");
    DEADLINES.forEach(name -> values.put(name, text(session.official(DEADLINE_KEYS.get(name)))));
    return new SessionForm(String.valueOf(session.number()), values, values, session.version());
  }

  /** The form as sent: each field as typed, and as it was when the form was shown (seen.*). */
  static SessionForm typed(MultiValueMap<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (String field : FIELDS) {
      values.put(field, value(params, field).strip());
      seen.put(field, value(params, "seen." + field).strip());
    }
    values.put("datesTentative", String.valueOf(params.containsKey("datesTentative")));
    int version;
    try {
      version = Integer.parseInt(value(params, "version"));
    } catch (NumberFormatException none) {
      version = 0;
    }
    return new SessionForm(value(params, "number"), values, seen, version);
  }

  /**
   * What the admin changed, laid over the session as it now is: their changes kept, everything else
   * as it now is, to be saved over the version now current.
   */
  SessionForm over(SessionForm current) {
    Map<String, String> merged = new LinkedHashMap<>(current.values());
    changed().forEach(field -> merged.put(field, values.get(field)));
    return new SessionForm(number, merged, current.values(), current.version());
  }

  /** A new session: what was typed, official deadlines only where given. */
  Map<String, Object> created() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("number", whole(number));
    values.forEach(
        (field, value) -> {
          if (!value.isBlank()) {
            body.put(field, json(field, value));
          }
        });
    return body;
  }

  /** A merge patch of the fields the admin changed: an emptied deadline is cleared (computed). */
  Map<String, Object> changes() {
    Map<String, Object> patch = new LinkedHashMap<>();
    changed().forEach(field -> patch.put(field, json(field, values.get(field))));
    return patch;
  }

  private List<String> changed() {
    return FIELDS.stream()
        .filter(field -> !Objects.equals(values.get(field), seen.get(field)))
        .toList();
  }

  /** A field's value as typed. */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** A field's value as the admin saw it. */
  public String seen(String field) {
    return seen.getOrDefault(field, "");
  }

  public boolean tentative() {
    return Boolean.parseBoolean(values.get("datesTentative"));
  }

  public List<String> deadlines() {
    return DEADLINES;
  }

  private static Object json(String field, String value) {
    if (value.isBlank()) {
      return null;
    }
    return switch (field) {
      case "datesTentative" -> Boolean.parseBoolean(value);
      case "hrcSession" -> whole(value);
      default -> value;
    };
  }

  /** A number as a number, else as typed (the engine names the field at fault). */
  private static Object whole(String typed) {
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      return typed.strip();
    }
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static String value(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value;
  }
}
