package org.uprengage.notification.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.taskstate.TaskState;
import org.uprengage.notification.taskstate.TaskStates;
import org.uprengage.notification.web.Problems;
import org.uprengage.notification.web.Problems.FieldError;
import org.uprengage.notification.wording.Wording;

/**
 * Private iCalendar feeds (RFC 5545) of upcoming deadlines, one per person and per agency: each
 * open task with a due date is an all-day event on its due date, whose UID stays the same when the
 * deadline moves. The feed's URL carries a random token, stored only as a hash; making the feed
 * again rotates it.
 */
@Service
public class CalendarFeeds {

  public static final String PERSON = "person";
  public static final String AGENCY = "agency";
  private static final SecureRandom random = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TaskStates tasks;
  private final People people;
  private final MessageSource messages;
  private final String linkBase;

  CalendarFeeds(
      JdbcTemplate jdbc,
      Clock clock,
      TaskStates tasks,
      People people,
      MessageSource messages,
      @Value("${upr.links.base-url}") String linkBase) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tasks = tasks;
    this.people = people;
    this.messages = messages;
    this.linkBase = linkBase;
  }

  /** Makes the feed, or gives it a new token (the old URL stops working). */
  @Transactional
  public CalendarFeed issue(Caller caller, NewCalendarFeed request) {
    String scope = request.scope() == null ? PERSON : request.scope();
    String team = null;
    String agency = null;
    List<FieldError> errors = new ArrayList<>();
    if (AGENCY.equals(scope)) {
      team = request.countryTeam();
      if (team == null && caller.countryTeams().size() == 1) {
        team = caller.countryTeams().iterator().next();
      }
      agency = request.agency() == null ? caller.agency() : request.agency();
      if (team == null) {
        errors.add(new FieldError("countryTeam", "must name one country team (such as GHA)"));
      }
      if (agency == null) {
        errors.add(new FieldError("agency", "must name an agency (such as UNICEF)"));
      }
    } else if (!PERSON.equals(scope)) {
      errors.add(new FieldError("scope", "must be person or agency"));
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(errors);
    }
    if (AGENCY.equals(scope) && !caller.speaksFor(team, agency)) {
      throw Problems.forbidden(
          "Only the heads of office and focal points of "
              + agency
              + " in "
              + team
              + ", its coordinators or an admin follow its deadlines.");
    }
    jdbc.update(
        "DELETE FROM ns_calendar_feed WHERE owner = ? AND scope = ? AND coalesce(country_team, '') = ? AND coalesce(agency, '') = ?",
        caller.username(),
        scope,
        team == null ? "" : team,
        agency == null ? "" : agency);
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    jdbc.update(
        "INSERT INTO ns_calendar_feed (token_hash, owner, scope, country_team, agency, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        hash(token),
        caller.username(),
        scope,
        team,
        agency,
        Timestamp.from(now));
    return new CalendarFeed(scope, team, agency, now, linkBase + "/calendar/" + token + ".ics");
  }

  /** The caller's feeds (without their URLs, which were shown once). */
  @Transactional(readOnly = true)
  public List<CalendarFeed> of(Caller caller) {
    return jdbc.query(
        "SELECT * FROM ns_calendar_feed WHERE owner = ? ORDER BY scope DESC, agency",
        (rs, i) ->
            new CalendarFeed(
                rs.getString("scope"),
                rs.getString("country_team"),
                rs.getString("agency"),
                rs.getTimestamp("created_at").toInstant(),
                null),
        caller.username());
  }

  /**
   * The feed behind a token, as an iCalendar object; empty for a token nobody holds, and for a feed
   * whose owner has since left the directory or, for an agency feed, no longer speaks for the
   * agency in that country team (such a feed is deleted).
   */
  @Transactional
  public Optional<Calendar> feed(String token) {
    String hash = hash(token);
    Optional<Issued> issued =
        jdbc
            .query(
                "SELECT owner, scope, country_team, agency FROM ns_calendar_feed WHERE token_hash = ?",
                (rs, i) ->
                    new Issued(
                        rs.getString("owner"),
                        rs.getString("scope"),
                        rs.getString("country_team"),
                        rs.getString("agency")),
                hash)
            .stream()
            .findFirst();
    if (issued.isEmpty()) {
      return Optional.empty();
    }
    if (!stillEntitled(issued.get())) {
      jdbc.update("DELETE FROM ns_calendar_feed WHERE token_hash = ?", hash);
      return Optional.empty();
    }
    Issued feed = issued.get();
    return Optional.of(calendar(feed.owner(), feed.scope(), feed.team(), feed.agency()));
  }

  /** Whether the owner, as the directory knows them now, may still read the feed. */
  private boolean stillEntitled(Issued feed) {
    Optional<Caller> owner = people.asCaller(feed.owner());
    return owner.isPresent()
        && (!AGENCY.equals(feed.scope()) || owner.get().speaksFor(feed.team(), feed.agency()));
  }

  private Calendar calendar(String owner, String scope, String team, String agency) {
    Optional<Person> person = people.named(owner).stream().findFirst();
    Locale locale =
        Locale.forLanguageTag(person.map(Person::locale).filter(l -> l != null).orElse("en"));
    Instant from =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    List<TaskState> due;
    String name;
    if (AGENCY.equals(scope)) {
      due = tasks.upcomingForAgency(team, agency, from);
      name = agency + " (" + team + ")";
    } else {
      due =
          person
              .map(p -> tasks.upcomingFor(owner, groupsOf(p), p.countryTeams(), from))
              .orElse(List.of());
      name = person.map(Person::displayName).orElse(owner);
    }
    Calendar calendar =
        new Calendar()
            .withProdId("-//UPR Engage//Deadlines 1.0//EN")
            .withProperty(ImmutableVersion.VERSION_2_0)
            .withProperty(new CalScale("GREGORIAN"))
            .withProperty(new Method("PUBLISH"))
            .withProperty(
                new XProperty(
                    "X-WR-CALNAME",
                    messages.getMessage("calendar.name", new Object[] {name}, locale)))
            .getFluentTarget();
    for (TaskState task : due) {
      LocalDate day = task.dueAt().atZone(ZoneOffset.UTC).toLocalDate();
      String link = linkBase + "/tasks/" + task.taskId();
      VEvent event =
          new VEvent(
              day,
              day.plusDays(1),
              messages.getMessage(
                  "calendar.summary",
                  new Object[] {Wording.taskName(task.taskKey(), task.taskName())},
                  locale));
      event
          .withProperty(new Uid("task-" + task.taskId() + "@uprengage.org"))
          .withProperty(
              new Description(
                  messages.getMessage(
                          "calendar.description",
                          new Object[] {
                            task.countryTeam(),
                            task.milestone() == null ? 0 : 1,
                            task.milestone(),
                            task.dueAt().toString()
                          },
                          locale)
                      + "\n"
                      + link))
          .withProperty(new Url(URI.create(link)))
          .withProperty(new LastModified(task.updatedAt()));
      calendar.add(event);
    }
    return calendar;
  }

  /** A person's groups as candidate groups name them: roles, agency, roles within the agency. */
  private static Set<String> groupsOf(Person person) {
    Set<String> groups = new LinkedHashSet<>(person.roles());
    if (person.agency() != null) {
      groups.add(person.agency());
      person.roles().forEach(role -> groups.add(role + ":" + person.agency()));
    }
    return groups;
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private record Issued(String owner, String scope, String team, String agency) {}
}
