package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.follow.Follows;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.taskstate.ReviewTeams;
import org.uprengage.notification.webhook.Webhooks;

/**
 * Handles review events (review started, submission approved, sent back, submitted): learns each
 * review's country team, passes the event to the webhooks that want it and tells the people and
 * agencies following the review or its country team, once.
 */
@Service
public class ReviewEventHandler {

  private final ObjectMapper json;
  private final Notifier notifier;
  private final ReviewTeams reviews;
  private final Follows follows;

  ReviewEventHandler(ObjectMapper json, Notifier notifier, ReviewTeams reviews, Follows follows) {
    this.json = json;
    this.notifier = notifier;
    this.reviews = reviews;
    this.follows = follows;
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

  /** A label each recipient reads in their language. */
  static DefaultMessageSourceResolvable label(String key, String fallback) {
    return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
  }
}
