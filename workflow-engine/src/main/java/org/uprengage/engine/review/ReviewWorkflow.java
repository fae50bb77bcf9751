package org.uprengage.engine.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.DeadlineRules;
import org.uprengage.engine.session.SessionCalendar;

/** Starts reviews and answers what is known of them; the review process does the rest. */
@Service
public class ReviewWorkflow {

  /** Who starts a review that a hand-over started. */
  public static final String HANDED_OVER_BY = "upr-engage";

  /** A State is reviewed once per cycle: 14 WG sessions, about 54 months. */
  static final int SESSIONS_PER_CYCLE = 14;

  private final ReviewRepository reviews;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Directory directory;
  private final SessionCalendar calendar;
  private final EventOutbox outbox;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;

  ReviewWorkflow(
      ReviewRepository reviews,
      RuntimeService runtime,
      IdentityService identity,
      Directory directory,
      SessionCalendar calendar,
      EventOutbox outbox,
      Clock clock,
      ApplicationEventPublisher events,
      AuditTrail audit) {
    this.reviews = reviews;
    this.runtime = runtime;
    this.identity = identity;
    this.directory = directory;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
    this.events = events;
    this.audit = audit;
  }

  /**
   * Starts the review of {@code country} in WG session {@code session}: records it, starts its
   * process in the country team's tenant and raises "review started", all in one transaction.
   */
  @Transactional
  public Review start(Caller caller, String country, int session) {
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins start reviews.");
    }
    if (!directory.countryTeamExists(country)) {
      throw new InvalidInput(
          "country", "no country team serves " + country + "; an admin adds country teams");
    }
    if (!caller.belongsTo(country)) {
      throw new Forbidden("You are not a member of the country team for " + country + ".");
    }
    if (!directory.countryTeamOpen(country)) {
      throw new Conflict("The country team for " + country + " is closed: it starts no review.");
    }
    if (calendar.find(session).isEmpty()) {
      throw new InvalidInput(
          "session", "WG session " + session + " is not in the session calendar");
    }
    if (reviews.exists(country, session)) {
      throw alreadyReviewed(country, session);
    }
    identity.setAuthentication(caller.username(), List.copyOf(caller.groups()), List.of(country));
    try {
      Review review = record(country, session, caller.username(), null);
      audit.concerns(review.id(), null);
      return review;
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Moves a running review to another WG session (OHCHR sometimes postpones a State's review):
   * coordinators and admins of its team. The review's process and stages carry the new session;
   * every milestone, due date and timer follows ({@link ReviewMoved}).
   */
  @Transactional
  public Review move(Caller caller, UUID id, int session, String reason) {
    Review review = find(caller, id).orElseThrow(() -> new NotFound("Review", id));
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins move a review to another session.");
    }
    if (session == review.session()) {
      throw new InvalidInput("session", "is the review's session already");
    }
    if (calendar.find(session).isEmpty()) {
      throw new InvalidInput(
          "session", "WG session " + session + " is not in the session calendar");
    }
    if (!Review.ACTIVE.equals(review.state())) {
      throw new Conflict("The review has ended; it no longer moves.");
    }
    if (reviews.exists(review.country(), session)) {
      throw new Conflict(
          "A review of " + review.country() + " in WG session " + session + " already exists.");
    }
    reviews.moveToSession(id, session);
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list()) {
      runtime.setVariable(instance.getId(), ReviewProcess.VAR_SESSION, session);
    }
    Review moved = find(caller, id).orElseThrow();
    audit.concerns(id, null);
    events.publishEvent(
        new ReviewMoved(moved, review.session(), session, caller.username(), reason));
    return moved;
  }

  /**
   * Hands a review over to the State's next one, 14 WG sessions (one cycle, about 4.5 years) later:
   * finds it, or starts it (adding the session to the calendar with tentative dates where it is not
   * there yet), and links the two. Runs in the engine's transaction, from {@code upr-review}'s last
   * step.
   *
   * @return the next review's id, or empty when the country team was closed: it starts no review
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<UUID> handOver(UUID reviewId) {
    Review current =
        reviews
            .find(reviewId)
            .orElseThrow(() -> new IllegalStateException("No review " + reviewId));
    if (current.nextReviewId() != null) {
      // handed over already: a retried job changes nothing
      return Optional.of(current.nextReviewId());
    }
    if (!directory.countryTeamOpen(current.country())) {
      return Optional.empty();
    }
    int nextSession = current.session() + SESSIONS_PER_CYCLE;
    UUID next =
        reviews
            .find(current.country(), nextSession)
            .map(Review::id)
            .orElseGet(
                () -> {
                  calendar.planTentatively(
                      nextSession,
                      DeadlineRules.nextCycleSessionStart(
                          calendar.find(current.session()).orElseThrow().startsOn()));
                  return record(current.country(), nextSession, HANDED_OVER_BY, reviewId).id();
                });
    reviews.link(reviewId, next);
    outbox.append(reviewId, new ReviewHandedOver(next, nextSession));
    return Optional.of(next);
  }

  /** Records a review, raises "review started" and starts its process, in one transaction. */
  private Review record(String country, int session, String startedBy, UUID previous) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!reviews.insert(id, country, session, startedBy, now, previous)) {
      throw alreadyReviewed(country, session); // started by another request meanwhile
    }
    events.publishEvent(new ReviewScheduled(id, country, session));
    outbox.append(id, new ReviewStarted(country, session, startedBy));
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(ReviewProcess.PROCESS_KEY)
            .processDefinitionWithoutTenantId()
            .businessKey(id.toString())
            .setVariable(ReviewProcess.VAR_REVIEW_ID, id.toString())
            .setVariable(ReviewProcess.VAR_COUNTRY, country)
            .setVariable(ReviewProcess.VAR_SESSION, session)
            .execute();
    reviews.attachProcess(id, instance.getId());
    return new Review(
        id, country, session, instance.getId(), startedBy, now, Review.ACTIVE, previous, null);
  }

  private static Conflict alreadyReviewed(String country, int session) {
    return new Conflict(
        "A review of " + country + " in WG session " + session + " already exists.");
  }

  /** The review, if the caller belongs to its country team. */
  @Transactional(readOnly = true)
  public Optional<Review> find(Caller caller, UUID id) {
    return reviews.find(id).filter(row -> caller.belongsTo(row.country()));
  }

  /**
   * One page of the reviews of the country teams given, the latest started first, in {@code state}
   * where one is given ({@link Review#ACTIVE} or {@link Review#COMPLETED}; null: every state).
   */
  @Transactional(readOnly = true)
  public List<Review> ofTeams(Collection<String> teams, String state, long offset, int limit) {
    return reviews.ofTeams(teams, state, offset, limit);
  }

  /** How many reviews {@link #ofTeams} finds in all. */
  @Transactional(readOnly = true)
  public long countOfTeams(Collection<String> teams, String state) {
    return reviews.countOfTeams(teams, state);
  }

  /** The reviews of a WG session whose process still runs. */
  @Transactional(readOnly = true)
  public List<Review> activeInSession(int session) {
    return reviews.inSession(session).stream()
        .filter(review -> Review.ACTIVE.equals(review.state()))
        .toList();
  }

  /**
   * Reviews by the id of a process instance that carries them: the review's own {@code upr-review}
   * instance, or one of its stages' (whose business key is the review's id).
   */
  @Transactional(readOnly = true)
  public Map<String, Review> byProcessInstance(Collection<String> processInstanceIds) {
    return reviews.byProcessInstance(processInstanceIds);
  }
}
