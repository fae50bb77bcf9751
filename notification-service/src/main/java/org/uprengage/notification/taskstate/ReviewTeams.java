package org.uprengage.notification.taskstate;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which country team each review belongs to, learnt from the events that say so (review started,
 * task and deadline events), for the review events that do not.
 */
@Component
public class ReviewTeams {

  private final JdbcTemplate jdbc;

  ReviewTeams(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void remember(UUID reviewId, String countryTeam) {
    if (reviewId != null && countryTeam != null) {
      jdbc.update(
          "INSERT INTO ns_review (review_id, country_team) VALUES (?, ?) ON CONFLICT (review_id) DO NOTHING",
          reviewId,
          countryTeam);
    }
  }

  public Optional<String> of(UUID reviewId) {
    return jdbc
        .queryForList(
            "SELECT country_team FROM ns_review WHERE review_id = ?", String.class, reviewId)
        .stream()
        .findFirst();
  }
}
