package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.follow.Follows;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.taskstate.ReviewTeams;
import org.uprengage.notification.webhook.Webhooks;

/**
 * Handles review events (review started, submission approved, sent back, submitted): learns each
 * review's country team, passes the event to the webhooks that want it and tells the people and
 * agencies following the review or its country team, once. Recommendations assigned are told to the
 * agencies given them instead.
 */
@Service
public class ReviewEventHandler {

  private final ObjectMapper json;
  private final Notifier notifier;
  private final ReviewTeams reviews;
  private final Follows follows;
  private final People people;

  ReviewEventHandler(
      ObjectMapper json, Notifier notifier, ReviewTeams reviews, Follows follows, People people) {
    this.json = json;
    this.notifier = notifier;
    this.reviews = reviews;
    this.follows = follows;
    this.people = people;
  }

  /**
   * Handles one event.
   *
   * @return how many deliveries and notifications it produced (0 for a duplicate)
   */
  @Transactional
  public int handle(IncomingEvent event) {
    ReviewEvent review = event.data(ReviewEvent.TYPE_PREFIX, "review", ReviewEvent.class, json);
    review.requireComplete();
    if (!notifier.firstTime(event)) {
      return 0;
    }
    if (ReviewEvent.STARTED.equals(event.type())) {
      reviews.remember(review.reviewId(), review.country());
    }
    String countryTeam = reviews.of(review.reviewId()).orElse(review.country());
    if (ReviewEvent.RECOMMENDATIONS_ASSIGNED.equals(event.type())) {
      return assigned(event, review, countryTeam);
    }
    notifier.publish(
        event, countryTeam, review.agency() == null ? List.of() : List.of(review.agency()));
    String kind = Webhooks.kind(event.type()).substring("review.".length());
    return notifier.tell(
        countryTeam,
        follows.followersOf(review.reviewId(), countryTeam),
        review.actor(),
        event,
        new Notifier.Message(
            Preferences.REVIEW_EVENT,
            "review.event",
            new Object[] {countryTeam, label("review.kind." + kind, kind)},
            new Object[] {
              countryTeam,
              label("review.kind." + kind, kind),
              review.agency() == null ? "" : " (" + review.agency() + ")"
            },
            review.reviewId(),
            null));
  }

  /**
   * Recommendations assigned: the focal points and heads of office of the lead and the supporting
   * agencies are told (kind {@code recommendation-assigned}), and the webhooks of the country team
   * and of those agencies get the event.
   */
  private int assigned(IncomingEvent event, ReviewEvent review, String countryTeam) {
    List<String> agencies = review.assignedAgencies();
    List<String> groups = new ArrayList<>();
    for (String agency : agencies) {
      groups.add(Caller.FOCAL_POINT + ":" + agency);
      groups.add(Caller.HEAD_OF_OFFICE + ":" + agency);
    }
    int queued = notifier.publish(event, countryTeam, agencies);
    List<String> supporting = agencies.subList(1, agencies.size());
    int count = review.paragraphs().size();
    return queued
        + notifier.tell(
            countryTeam,
            people.inGroups(countryTeam, groups),
            review.actor(),
            event,
            new Notifier.Message(
                Preferences.RECOMMENDATION_ASSIGNED,
                "recommendation.assigned",
                new Object[] {countryTeam, count, review.leadAgency()},
                new Object[] {
                  countryTeam,
                  count,
                  review.leadAgency(),
                  String.join(", ", review.paragraphs()),
                  supporting.isEmpty()
                      ? label("recommendation.assigned.no-support", "none")
                      : String.join(", ", supporting)
                },
                review.reviewId(),
                null));
  }

  /** A label each recipient reads in their language. */
  static DefaultMessageSourceResolvable label(String key, String fallback) {
    return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
  }
}
