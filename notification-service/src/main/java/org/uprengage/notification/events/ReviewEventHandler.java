package org.uprengage.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles review events (review started, submission approved, sent back, submitted): learns each
 * review's country team and passes the event to the subscriptions that want it, once.
 */
@Service
public class ReviewEventHandler {

  private final ObjectMapper json;
  private final Notifier notifier;
  private final ReviewTeams reviews;

  ReviewEventHandler(ObjectMapper json, Notifier notifier, ReviewTeams reviews) {
    this.json = json;
    this.notifier = notifier;
    this.reviews = reviews;
  }

  /**
   * Handles one event.
   *
   * @return how many deliveries and notifications it produced (0 for a duplicate)
   */
  @Transactional
  public int handle(IncomingEvent event) {
    if (!event.type().startsWith(ReviewEvent.TYPE_PREFIX)) {
      throw new PoisonEventException("not a review event: " + event.type());
    }
    ReviewEvent review;
    try {
      review = json.treeToValue(event.data(), ReviewEvent.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "the review event's data does not match its schema: " + e.getMessage());
    }
    review.requireComplete();
    if (!notifier.firstTime(event)) {
      return 0;
    }
    if (ReviewEvent.STARTED.equals(event.type())) {
      reviews.remember(review.reviewId(), review.country());
    }
    String countryTeam = reviews.of(review.reviewId()).orElse(review.country());
    return notifier.publish(
        event, countryTeam, review.agency() == null ? List.of() : List.of(review.agency()));
  }
}
