package org.uprengage.engine.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.SessionCalendar;
import org.uprengage.engine.web.ApiProblem;

/** Starts reviews and answers what is known of them; the review process does the rest. */
@Service
public class ReviewWorkflow {

  public static final String REVIEW_STARTED = "org.uprengage.review.started.v1";

  private final ReviewRepository reviews;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Directory directory;
  private final SessionCalendar calendar;
  private final EventOutbox outbox;
  private final EventTopics topics;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ReviewWorkflow(
      ReviewRepository reviews,
      RuntimeService runtime,
      IdentityService identity,
      Directory directory,
      SessionCalendar calendar,
      EventOutbox outbox,
      EventTopics topics,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.reviews = reviews;
    this.runtime = runtime;
    this.identity = identity;
    this.directory = directory;
    this.calendar = calendar;
    this.outbox = outbox;
    this.topics = topics;
    this.clock = clock;
  }

  /**
   * Starts the review of {@code country} in WG session {@code session}: records it, starts its
   * process in the country team's tenant and raises "review started", all in one transaction.
   */
  @Transactional
  public Review start(Caller caller, String country, int session) {
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw ApiProblem.forbidden("Only coordinators and admins start reviews.");
    }
    if (!directory.countryTeamExists(country)) {
      throw ApiProblem.invalid(
          "country", "no country team serves " + country + "; an admin adds country teams");
    }
    if (!caller.belongsTo(country)) {
      throw ApiProblem.forbidden("You are not a member of the country team for " + country + ".");
    }
    if (calendar.find(session).isEmpty()) {
      throw ApiProblem.invalid(
          "session", "WG session " + session + " is not in the session calendar");
    }
    if (reviews.exists(country, session)) {
      throw ApiProblem.conflict(
          "A review of " + country + " in WG session " + session + " already exists.");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    reviews.insert(id, country, session, caller.username(), now);
    events.publishEvent(new ReviewScheduled(id, country, session));
    outbox.append(
        topics.reviews(),
        id,
        REVIEW_STARTED,
        "reviews/" + id,
        Map.of("country", country, "session", session, "startedBy", caller.username()));
    identity.setAuthentication(caller.username(), List.copyOf(caller.groups()), List.of(country));
    try {
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
      AuditTrail.concerns(id, null);
      return new Review(
          id, country, session, instance.getId(), caller.username(), now, Review.ACTIVE);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The review, if the caller belongs to its country team. */
  @Transactional(readOnly = true)
  public Optional<Review> find(Caller caller, UUID id) {
    return reviews.find(id).filter(row -> caller.belongsTo(row.country())).map(this::toReview);
  }

  /** The reviews of a WG session whose process still runs. */
  @Transactional(readOnly = true)
  public List<Review> activeInSession(int session) {
    return reviews.inSession(session).stream()
        .map(this::toReview)
        .filter(review -> Review.ACTIVE.equals(review.state()))
        .toList();
  }

  /** Reviews by the id of the process instance that carries them. */
  @Transactional(readOnly = true)
  public Map<String, Review> byProcessInstance(Collection<String> processInstanceIds) {
    return reviews.byProcessInstance(processInstanceIds).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> toReview(e.getValue())));
  }

  private Review toReview(ReviewRepository.ReviewRow row) {
    boolean active =
        row.processInstanceId() != null
            && runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(row.processInstanceId())
                    .count()
                > 0;
    return new Review(
        row.id(),
        row.country(),
        row.session(),
        row.processInstanceId(),
        row.startedBy(),
        row.startedAt(),
        active ? Review.ACTIVE : Review.COMPLETED);
  }
}
