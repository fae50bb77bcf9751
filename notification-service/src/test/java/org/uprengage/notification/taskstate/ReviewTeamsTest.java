package org.uprengage.notification.taskstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * A review's country team, remembered in memory as well as stored: the first team stored wins, and
 * what a rolled-back transaction wrote is neither stored nor remembered.
 */
class ReviewTeamsTest extends NotificationIntegrationTest {

  @Autowired ReviewTeams reviews;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void theFirstTeamStoredWinsAndIsWhatTheMemoryAnswers() {
    UUID review = UUID.randomUUID();
    transactions.executeWithoutResult(status -> reviews.remember(review, "GHA"));
    transactions.executeWithoutResult(status -> reviews.remember(review, "KEN"));
    assertThat(reviews.of(review)).contains("GHA");
    assertThat(stored(review)).isEqualTo(1);
  }

  @Test
  void aReviewRememberedInATransactionRolledBackIsWrittenAgainNextTime() {
    UUID review = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          reviews.remember(review, "GHA");
          status.setRollbackOnly();
        });
    assertThat(stored(review)).isZero();
    assertThat(reviews.of(review)).isEmpty();
    transactions.executeWithoutResult(status -> reviews.remember(review, "KEN"));
    assertThat(stored(review)).isEqualTo(1);
    assertThat(reviews.of(review)).contains("KEN");
  }

  @Test
  void aReviewStoredBeforeThisNodeSawItKeepsItsStoredTeam() {
    UUID review = UUID.randomUUID();
    // as another node (or this one before a restart) stored it
    jdbc.update("INSERT INTO ns_review (review_id, country_team) VALUES (?, 'GHA')", review);
    transactions.executeWithoutResult(status -> reviews.remember(review, "KEN"));
    assertThat(reviews.of(review)).contains("GHA");
  }

  private int stored(UUID review) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_review WHERE review_id = ?", Integer.class, review);
  }
}
