package org.uprengage.notification.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.web.Problems;
import org.uprengage.notification.web.Problems.FieldError;

/**
 * Each person's notification preferences, and the plan they give for one notification: inbox or
 * not, e-mail now, after quiet hours, in the daily digest, or not at all. Approvals waiting,
 * overdue escalations and incidents always go out at once, on every channel.
 */
@Service
public class Preferences {

  public static final String TASK_AVAILABLE = "task-available";
  public static final String TASK_ASSIGNED = "task-assigned";
  public static final String DEADLINE_APPROACHING = "deadline-approaching";
  public static final String DEADLINE_MISSED = "deadline-missed";
  public static final String DEADLINE_CHANGED = "deadline-changed";
  public static final String APPROVAL_WAITING = "approval-waiting";
  public static final String REVIEW_EVENT = "review-event";
  public static final String RECOMMENDATION_ASSIGNED = "recommendation-assigned";

  /**
   * An incident in a review's process, told to platform admins only: always at once on every
   * channel, and not among the kinds a person chooses for, since a review waits until it is
   * retried.
   */
  public static final String INCIDENT_OPENED = "incident-opened";

  /** The kinds of notification, in the order the API lists them. */
  public static final List<String> KINDS =
      List.of(
          TASK_AVAILABLE,
          TASK_ASSIGNED,
          DEADLINE_APPROACHING,
          DEADLINE_MISSED,
          DEADLINE_CHANGED,
          APPROVAL_WAITING,
          REVIEW_EVENT,
          RECOMMENDATION_ASSIGNED);

  /** Kinds nobody can turn off or hold. */
  public static final Set<String> MANDATORY =
      Set.of(DEADLINE_MISSED, APPROVAL_WAITING, INCIDENT_OPENED);

  /** The languages a person may choose; none chosen means the directory's. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private static final List<String> EMAIL_MODES =
      List.of(KindPreference.OFF, KindPreference.IMMEDIATE, KindPreference.DIGEST);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final ZoneId defaultZone;
  private final LocalTime digestTime;

  Preferences(
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock,
      @Value("${upr.notifications.default-time-zone:UTC}") String defaultZone,
      @Value("${upr.notifications.digest-time:08:00}") String digestTime) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.defaultZone = ZoneId.of(defaultZone);
    this.digestTime = LocalTime.parse(digestTime);
  }

  /**
   * The person's preferences, defaults filled in: the time zone they chose, else the directory's,
   * else the default; the language they chose, or none.
   */
  @Transactional(readOnly = true)
  public NotificationPreferences of(String username) {
    return jdbc.queryForObject(
        """
        SELECT pr.time_zone, pr.language, pr.quiet_start, pr.quiet_end, pr.kinds, p.time_zone AS directory_zone
        FROM (SELECT ?::text AS username) u
            LEFT JOIN ns_preference pr ON pr.username = u.username
            LEFT JOIN ns_person p ON p.username = u.username
        """,
        (rs, i) ->
            complete(
                zone(rs.getString("time_zone"), rs.getString("directory_zone")),
                rs.getString("language"),
                quietHours(rs.getTime("quiet_start"), rs.getTime("quiet_end")),
                rs.getString("kinds") == null ? Map.of() : readKinds(rs.getString("kinds"))),
        username);
  }

  /** The zone chosen, else the directory's (where it is one), else the default. */
  private String zone(String chosen, String directory) {
    if (chosen != null) {
      return chosen;
    }
    if (directory != null) {
      try {
        return ZoneId.of(directory).getId();
      } catch (DateTimeException unknown) {
        // the directory's entry is not a zone this JVM knows: the default
      }
    }
    return defaultZone.getId();
  }

  /**
   * Replaces the person's preferences, after checking every field; kinds left out keep their
   * defaults.
   */
  @Transactional
  public NotificationPreferences save(String username, NotificationPreferences request) {
    List<FieldError> errors = new ArrayList<>();
    String zone = request.timeZone();
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        errors.add(new FieldError("timeZone", "must be an IANA time zone such as Africa/Accra"));
      }
    }
    String language = request.language();
    if (language != null && !LANGUAGES.contains(language)) {
      errors.add(new FieldError("language", "must be one of " + LANGUAGES + ", or left out"));
    }
    LocalTime start = null;
    LocalTime end = null;
    if (request.quietHours() != null) {
      start = time(request.quietHours().start(), "quietHours.start", errors);
      end = time(request.quietHours().end(), "quietHours.end", errors);
      if (start != null && start.equals(end)) {
        errors.add(new FieldError("quietHours.end", "must differ from quietHours.start"));
      }
    }
    Map<String, KindPreference> kinds = new LinkedHashMap<>();
    if (request.kinds() != null) {
      request
          .kinds()
          .forEach(
              (kind, preference) -> {
                String field = "kinds." + kind;
                if (!KINDS.contains(kind)) {
                  errors.add(new FieldError(field, "must be one of " + KINDS));
                  return;
                }
                if (preference == null) {
                  errors.add(new FieldError(field, "must say inApp and email"));
                  return;
                }
                boolean inApp = preference.inApp() == null || preference.inApp();
                String email =
                    preference.email() == null ? KindPreference.IMMEDIATE : preference.email();
                if (!EMAIL_MODES.contains(email)) {
                  errors.add(new FieldError(field + ".email", "must be one of " + EMAIL_MODES));
                  return;
                }
                if (MANDATORY.contains(kind) && !inApp) {
                  errors.add(
                      new FieldError(
                          field + ".inApp", "cannot be turned off: this kind is always delivered"));
                  return;
                }
                if (MANDATORY.contains(kind) && !KindPreference.IMMEDIATE.equals(email)) {
                  errors.add(
                      new FieldError(
                          field + ".email", "must be immediate: this kind is always delivered"));
                  return;
                }
                kinds.put(kind, new KindPreference(inApp, email, MANDATORY.contains(kind)));
              });
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(errors);
    }
    String stored;
    try {
      stored = json.writeValueAsString(kinds);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("preferences always serialise", e);
    }
    jdbc.update(
        """
        INSERT INTO ns_preference (username, time_zone, language, quiet_start, quiet_end, kinds, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (username) DO UPDATE SET time_zone = EXCLUDED.time_zone, language = EXCLUDED.language,
            quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, kinds = EXCLUDED.kinds,
            updated_at = EXCLUDED.updated_at
        """,
        username,
        zone,
        language,
        start == null ? null : Time.valueOf(start),
        end == null ? null : Time.valueOf(end),
        stored,
        Timestamp.from(clock.instant()));
    return of(username);
  }

  /**
   * How a notification of {@code kind} reaches the person now: mandatory kinds at once on both
   * channels; otherwise as they chose, e-mails waiting out their quiet hours, digest items until
   * the next digest time (or the end of quiet hours, should it fall in them).
   */
  @Transactional(readOnly = true)
  public DeliveryPlan plan(String username, String kind) {
    return plan(of(username), kind);
  }

  /**
   * {@link #plan(String, String)} for a person read from the directory with their preferences
   * ({@link Person#chosen()}): planned from those, without reading them again; read now where the
   * person came without them.
   */
  @Transactional(readOnly = true)
  public DeliveryPlan plan(Person person, String kind) {
    Person.Chosen chosen = person.chosen();
    if (chosen == null) {
      return plan(person.username(), kind);
    }
    return plan(
        complete(
            zone(chosen.timeZone(), chosen.directoryTimeZone()),
            chosen.language(),
            chosen.quietStart() == null || chosen.quietEnd() == null
                ? null
                : new QuietHours(
                    chosen.quietStart().format(HH_MM), chosen.quietEnd().format(HH_MM)),
            chosen.kinds() == null ? Map.of() : readKinds(chosen.kinds())),
        kind);
  }

  private DeliveryPlan plan(NotificationPreferences preferences, String kind) {
    Instant now = clock.instant();
    ZoneId zone = ZoneId.of(preferences.timeZone());
    if (MANDATORY.contains(kind)) {
      return new DeliveryPlan(true, now, false, zone);
    }
    KindPreference preference =
        preferences.kinds().getOrDefault(kind, new KindPreference(true, "immediate", false));
    QuietHours quiet = preferences.quietHours();
    Instant emailAt =
        switch (preference.email()) {
          case KindPreference.IMMEDIATE -> afterQuietHours(now, zone, quiet);
          case KindPreference.DIGEST -> afterQuietHours(nextDigest(now, zone), zone, quiet);
          default -> null;
        };
    return new DeliveryPlan(
        preference.inApp(), emailAt, KindPreference.DIGEST.equals(preference.email()), zone);
  }

  private Instant nextDigest(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime digest = local.toLocalDate().atTime(digestTime).atZone(zone);
    return (digest.toInstant().isAfter(now) ? digest : digest.plusDays(1)).toInstant();
  }

  /** {@code at}, or the end of the quiet hours it falls in. */
  static Instant afterQuietHours(Instant at, ZoneId zone, QuietHours quiet) {
    if (quiet == null) {
      return at;
    }
    LocalTime start = LocalTime.parse(quiet.start());
    LocalTime end = LocalTime.parse(quiet.end());
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean inQuietHours =
        start.isBefore(end)
            ? !time.isBefore(start) && time.isBefore(end)
            : !time.isBefore(start) || time.isBefore(end);
    if (!inQuietHours) {
      return at;
    }
    ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
    return (endToday.toInstant().isAfter(at) ? endToday : endToday.plusDays(1)).toInstant();
  }

  private NotificationPreferences complete(
      String zone, String language, QuietHours quiet, Map<String, KindPreference> chosen) {
    Map<String, KindPreference> kinds = new LinkedHashMap<>();
    for (String kind : KINDS) {
      KindPreference preference = chosen.get(kind);
      kinds.put(
          kind,
          MANDATORY.contains(kind) || preference == null
              ? new KindPreference(true, KindPreference.IMMEDIATE, MANDATORY.contains(kind))
              : new KindPreference(preference.inApp(), preference.email(), false));
    }
    return new NotificationPreferences(zone, language, quiet, kinds, digestTime.format(HH_MM));
  }

  private static QuietHours quietHours(Time start, Time end) {
    return start == null || end == null
        ? null
        : new QuietHours(start.toLocalTime().format(HH_MM), end.toLocalTime().format(HH_MM));
  }

  private Map<String, KindPreference> readKinds(String stored) {
    try {
      return json.readValue(stored, new TypeReference<Map<String, KindPreference>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored preferences are not readable", e);
    }
  }

  private static LocalTime time(String value, String field, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required (HH:mm)"));
      return null;
    }
    try {
      return LocalTime.parse(value, HH_MM);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a time of day as HH:mm"));
      return null;
    }
  }
}
