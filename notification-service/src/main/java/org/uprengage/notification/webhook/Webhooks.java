package org.uprengage.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.cache.TableSnapshot;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.web.Problems;
import org.uprengage.notification.web.Problems.FieldError;

/**
 * Webhook subscriptions of country teams and agencies, and the queue of their deliveries: each
 * event is queued once per matching subscription, in the transaction that processed the event, and
 * posted after commit by {@link WebhookSender}.
 */
@Service
public class Webhooks {

  /** The event kinds a subscription can ask for: the event type without prefix and version. */
  public static final List<String> KINDS =
      List.of(
          "task.created",
          "task.claimed",
          "task.assigned",
          "task.unclaimed",
          "task.completed",
          "task.cancelled",
          "deadline.changed",
          "deadline.approaching",
          "deadline.missed",
          "review.started",
          "review.submission-approved",
          "review.submission-sent-back",
          "review.submission-submitted",
          "review.recommendations-assigned");

  /**
   * Review events that concern no agency in particular but every agency's work in the review: an
   * agency's subscriptions get them for the reviews of their country team.
   */
  public static final Set<String> REVIEW_WIDE =
      Set.of("review.started", "review.submission-submitted");

  static final int MAX_KINDS = KINDS.size();

  /** Subscriptions per country team, or per agency within one, at most. */
  static final int MAX_PER_SCOPE = 20;

  private static final int MAX_URL_LENGTH = 2000;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final UrlPolicy urls;
  private final People people;

  /**
   * The active subscriptions, kept in memory: the table is read again only when a subscription was
   * created, changed, disabled or deleted (by any node), not once per event.
   */
  private final TableSnapshot<Map<String, List<Subscriber>>> active;

  Webhooks(JdbcTemplate jdbc, ObjectMapper json, Clock clock, UrlPolicy urls, People people) {
    this.jdbc = jdbc;
    this.active = new TableSnapshot<>(jdbc, "ns_webhook", this::loadActive);
    this.json = json;
    this.clock = clock;
    this.urls = urls;
    this.people = people;
  }

  /** {@code org.uprengage.task.created.v1} is kind {@code task.created}. */
  public static String kind(String type) {
    String kind = type.startsWith("org.uprengage.") ? type.substring(14) : type;
    int version = kind.lastIndexOf(".v");
    return version > 0 ? kind.substring(0, version) : kind;
  }

  /**
   * A scalar subquery that reads the subscriptions' generation, for the first statement of an
   * event's transaction to read along with what it writes (its answer then goes to {@link
   * #subscriptionsGenerationRead}): the transaction then asks for it no more. Empty when the
   * transaction knows it already.
   */
  public Optional<String> subscriptionsGenerationQuery() {
    return active.generationQuery();
  }

  /**
   * The subscriptions' generation as read by {@link #subscriptionsGenerationQuery()} in this
   * transaction, before it wrote to {@code ns_webhook}.
   */
  public void subscriptionsGenerationRead(long generation) {
    active.generationRead(generation);
  }

  /**
   * Queues the event for every active subscription of its country team (and of its agencies, or of
   * every agency for {@link #REVIEW_WIDE} events) that wants its kind; at most once per
   * subscription and event.
   *
   * @return how many deliveries were queued
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueue(WebhookEvent event) {
    if (event.countryTeam() == null) {
      return 0;
    }
    String kind = kind(event.type());
    List<Subscriber> candidates =
        active.current().getOrDefault(event.countryTeam(), List.of()).stream()
            .filter(candidate -> candidate.kinds().contains(kind))
            .toList();
    if (candidates.isEmpty()) {
      return 0;
    }
    if (!REVIEW_WIDE.contains(kind)
        && candidates.stream().anyMatch(candidate -> candidate.agency() != null)) {
      Set<String> agencies = people.agenciesAmong(event.groups());
      candidates =
          candidates.stream()
              .filter(
                  candidate -> candidate.agency() == null || agencies.contains(candidate.agency()))
              .toList();
    }
    List<UUID> subscriptions = new ArrayList<>();
    for (Subscriber candidate : candidates) {
      if (ownerStillSpeaksFor(candidate.owner(), event.countryTeam(), candidate.agency())) {
        subscriptions.add(candidate.id());
      } else {
        disableForItsOwner(candidate.id(), candidate.owner());
      }
    }
    if (subscriptions.isEmpty()) {
      return 0;
    }
    String body = body(event);
    Timestamp now = Timestamp.from(clock.instant());
    int queued = 0;
    for (UUID subscription : subscriptions) {
      queued +=
          jdbc.update(
              "INSERT INTO ns_webhook_delivery (id, webhook_id, event_source, event_id, event_type, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT ns_webhook_delivery_once DO NOTHING",
              UUID.randomUUID(),
              subscription,
              event.source(),
              event.id(),
              event.type(),
              body,
              now,
              now);
    }
    return queued;
  }

  /** The event in CloudEvents' structured JSON form: what is posted and signed. */
  private String body(WebhookEvent event) {
    ObjectNode body = json.createObjectNode();
    body.put("specversion", "1.0");
    body.put("id", event.id());
    body.put("source", event.source());
    body.put("type", event.type());
    if (event.subject() != null) {
      body.put("subject", event.subject());
    }
    if (event.time() != null) {
      body.put("time", event.time().toString());
    }
    body.put("datacontenttype", "application/json");
    body.set("data", event.data());
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * Registers a subscription for the caller, after checking the request and that the caller may
   * speak for its country team or agency.
   *
   * @return the subscription, with its secret (the only time it is shown)
   */
  @Transactional
  public Subscription subscribe(Caller caller, NewSubscription request) {
    List<FieldError> errors = new ArrayList<>();
    String team = request.countryTeam();
    if (team == null && caller.countryTeams().size() == 1) {
      team = caller.countryTeams().iterator().next();
    }
    if (team == null || !CODE.matcher(team).matches()) {
      errors.add(new FieldError("countryTeam", "must name one country team (such as GHA)"));
    }
    if (request.agency() != null && !CODE.matcher(request.agency()).matches()) {
      errors.add(new FieldError("agency", "must be an agency code such as UNICEF"));
    }
    if (request.url() == null || request.url().isBlank()) {
      errors.add(new FieldError("url", "is required"));
    } else if (request.url().length() > MAX_URL_LENGTH) {
      errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
    } else {
      urls.refusal(request.url()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
    }
    Set<String> kinds = new LinkedHashSet<>();
    if (request.eventKinds() == null || request.eventKinds().isEmpty()) {
      errors.add(new FieldError("eventKinds", "must name at least one of " + KINDS));
    } else {
      for (int i = 0; i < request.eventKinds().size(); i++) {
        String kind = request.eventKinds().get(i);
        if (!KINDS.contains(kind)) {
          errors.add(new FieldError("eventKinds[" + i + "]", "must be one of " + KINDS));
        } else {
          kinds.add(kind);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(errors);
    }
    if (!mayManage(caller, team, request.agency())) {
      throw Problems.forbidden(
          request.agency() == null
              ? "Only the coordinators of country team " + team + " (or an admin) subscribe for it."
              : "Only the heads of office and focal points of "
                  + request.agency()
                  + " in "
                  + team
                  + ", its coordinators or an admin subscribe for it.");
    }
    // one subscription made at a time per scope, so that the cap holds
    jdbc.queryForList(
        "SELECT pg_advisory_xact_lock(hashtext('ns_webhook/' || ? || '/' || ?))",
        team,
        request.agency() == null ? "" : request.agency());
    Integer existing =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_webhook WHERE deleted_at IS NULL AND country_team = ? AND agency IS NOT DISTINCT FROM ?",
            Integer.class,
            team,
            request.agency());
    if (existing != null && existing >= MAX_PER_SCOPE) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "Too many subscriptions",
          (request.agency() == null ? team : request.agency() + " in " + team)
              + " has "
              + existing
              + " webhook subscriptions, the most there may be; delete one first.");
    }
    UUID id = UUID.randomUUID();
    String secret = WebhookSignature.newSecret();
    jdbc.update(
        "INSERT INTO ns_webhook (id, owner, country_team, agency, url, secret, event_kinds, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        caller.username(),
        team,
        request.agency(),
        request.url(),
        secret,
        kinds.toArray(String[]::new),
        Timestamp.from(clock.instant()));
    return find(id).orElseThrow().withSecret(secret);
  }

  /** The subscriptions the caller may manage, newest first, chosen in the database. */
  @Transactional(readOnly = true)
  public List<Subscription> visibleTo(Caller caller) {
    List<Subscription> candidates;
    if (caller.isAdmin() || caller.hasRole(Caller.COORDINATOR)) {
      candidates =
          jdbc.query(
              "SELECT * FROM ns_webhook WHERE deleted_at IS NULL AND country_team = ANY (?::text[]) ORDER BY created_at DESC, id",
              Webhooks::row,
              (Object) caller.countryTeams().toArray(String[]::new));
    } else if (caller.agency() != null) {
      candidates =
          jdbc.query(
              "SELECT * FROM ns_webhook WHERE deleted_at IS NULL AND country_team = ANY (?::text[]) AND agency = ? ORDER BY created_at DESC, id",
              Webhooks::row,
              caller.countryTeams().toArray(String[]::new),
              caller.agency());
    } else {
      return List.of();
    }
    return candidates.stream()
        .filter(s -> mayManage(caller, s.countryTeam(), s.agency()))
        .map(s -> s.seenBy(caller.username()))
        .toList();
  }

  /** The subscription, if the caller may manage it. */
  @Transactional(readOnly = true)
  public Optional<Subscription> get(Caller caller, UUID id) {
    return find(id)
        .filter(s -> mayManage(caller, s.countryTeam(), s.agency()))
        .map(s -> s.seenBy(caller.username()));
  }

  /** Removes the subscription (its history stays); false if the caller has no such one. */
  @Transactional
  public boolean delete(Caller caller, UUID id) {
    if (get(caller, id).isEmpty()) {
      return false;
    }
    jdbc.update(
        "UPDATE ns_webhook SET deleted_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
    return true;
  }

  /** Turns a disabled subscription back on: its pending deliveries are tried again now. */
  @Transactional
  public Optional<Subscription> enable(Caller caller, UUID id) {
    if (get(caller, id).isEmpty()) {
      return Optional.empty();
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "UPDATE ns_webhook SET status = 'active', disabled_reason = NULL, disabled_at = NULL, consecutive_failures = 0 WHERE id = ?",
        id);
    jdbc.update(
        "UPDATE ns_webhook_delivery SET next_attempt_at = ? WHERE webhook_id = ? AND status = 'pending'",
        now,
        id);
    return find(id).map(s -> s.seenBy(caller.username()));
  }

  /** The subscription's deliveries, newest first, a bounded page. */
  @Transactional(readOnly = true)
  public List<Delivery> deliveries(UUID id, int page, int size) {
    return jdbc.query(
        "SELECT * FROM ns_webhook_delivery WHERE webhook_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
        (rs, i) ->
            new Delivery(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("delivered_at"))),
        id,
        size,
        (long) page * size);
  }

  /**
   * Whether the subscription's creator, as the directory knows them now, may still hear what it
   * gets: one who has left the country team (or no longer speaks for the agency) gets nothing.
   */
  boolean ownerStillSpeaksFor(String owner, String countryTeam, String agency) {
    return people.asCaller(owner).map(c -> c.speaksFor(countryTeam, agency)).orElse(false);
  }

  /** Stops a subscription whose creator may no longer hear what it gets, saying why. */
  void disableForItsOwner(UUID id, String owner) {
    jdbc.update(
        "UPDATE ns_webhook SET status = 'disabled', disabled_at = ?, disabled_reason = ? WHERE id = ? AND status = 'active'",
        Timestamp.from(clock.instant()),
        "Disabled: its creator "
            + owner
            + " no longer speaks for its country team or agency. Someone who does may subscribe"
            + " again.",
        id);
  }

  /** Who may manage a subscription: see {@link Caller#speaksFor}. */
  static boolean mayManage(Caller caller, String countryTeam, String agency) {
    return caller.speaksFor(countryTeam, agency);
  }

  private Optional<Subscription> find(UUID id) {
    return jdbc
        .query("SELECT * FROM ns_webhook WHERE id = ? AND deleted_at IS NULL", Webhooks::row, id)
        .stream()
        .findFirst();
  }

  private static Subscription row(ResultSet rs, int i) throws SQLException {
    Array kinds = rs.getArray("event_kinds");
    return new Subscription(
        rs.getObject("id", UUID.class),
        rs.getString("country_team"),
        rs.getString("agency"),
        rs.getString("url"),
        List.of((String[]) kinds.getArray()),
        rs.getString("status"),
        rs.getString("disabled_reason"),
        instant(rs.getTimestamp("disabled_at")),
        rs.getInt("consecutive_failures"),
        rs.getString("owner"),
        instant(rs.getTimestamp("created_at")),
        null);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A subscription that matches an event, and whom it belongs to. */
  private record Subscriber(UUID id, String owner, String agency, Set<String> kinds) {}

  /** The active subscriptions, by country team, oldest first. */
  private Map<String, List<Subscriber>> loadActive() {
    Map<String, List<Subscriber>> byTeam = new HashMap<>();
    jdbc.query(
        "SELECT id, owner, agency, country_team, event_kinds FROM ns_webhook WHERE deleted_at IS NULL AND status = 'active' ORDER BY created_at, id",
        rs -> {
          byTeam
              .computeIfAbsent(rs.getString("country_team"), team -> new ArrayList<>())
              .add(
                  new Subscriber(
                      rs.getObject("id", UUID.class),
                      rs.getString("owner"),
                      rs.getString("agency"),
                      Set.copyOf(Arrays.asList((String[]) rs.getArray("event_kinds").getArray()))));
        });
    Map<String, List<Subscriber>> frozen = new HashMap<>();
    byTeam.forEach((team, subscribers) -> frozen.put(team, List.copyOf(subscribers)));
    return Map.copyOf(frozen);
  }
}
