package org.uprengage.engine.session;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** The fields of a calendar entry that people set, as named in the API and stored in a column. */
enum SessionField {
  STARTS_ON("startsOn", "starts_on", Kind.DATE, true),
  ENDS_ON("endsOn", "ends_on", Kind.DATE, true),
  DATES_TENTATIVE("datesTentative", "dates_tentative", Kind.BOOLEAN, true),
  HRC_SESSION("hrcSession", "hrc_session", Kind.SESSION_NUMBER, false),
  STAKEHOLDER_DEADLINE("stakeholderDeadline", "stakeholder_deadline", Kind.DATE, false),
  UN_ENTITY_DEADLINE("unEntityDeadline", "un_entity_deadline", Kind.DATE, false),
  NATIONAL_REPORT_DEADLINE("nationalReportDeadline", "national_report_deadline", Kind.DATE, false),
  ADDENDUM_EARLY_DEADLINE("addendumEarlyDeadline", "addendum_early_deadline", Kind.DATE, false),
  ADDENDUM_FINAL_DEADLINE("addendumFinalDeadline", "addendum_final_deadline", Kind.DATE, false);

  enum Kind {
    DATE,
    BOOLEAN,
    SESSION_NUMBER
  }

  final String apiName;
  final String column;
  final Kind kind;
  final boolean required;

  SessionField(String apiName, String column, Kind kind, boolean required) {
    this.apiName = apiName;
    this.column = column;
    this.kind = kind;
    this.required = required;
  }

  static Optional<SessionField> named(String apiName) {
    return Arrays.stream(values()).filter(field -> field.apiName.equals(apiName)).findFirst();
  }

  /**
   * Reads a JSON value for this field.
   *
   * @return the value, or null to clear it
   * @throws IllegalArgumentException with a message for the person who sent it
   */
  Object read(Object json) {
    if (json == null) {
      if (required) {
        throw new IllegalArgumentException("is required and cannot be cleared");
      }
      return null;
    }
    return switch (kind) {
      case DATE -> {
        if (!(json instanceof String text)) {
          throw new IllegalArgumentException("must be a date such as 2027-05-03");
        }
        try {
          yield LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("must be a date such as 2027-05-03");
        }
      }
      case BOOLEAN -> {
        if (!(json instanceof Boolean flag)) {
          throw new IllegalArgumentException("must be true or false");
        }
        yield flag;
      }
      case SESSION_NUMBER -> {
        if (!(json instanceof Integer number) || number < 1 || number > 999) {
          throw new IllegalArgumentException("must be a session number between 1 and 999");
        }
        yield number;
      }
    };
  }
}
