package org.uprengage.notification.taskstate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which country team each review belongs to, learnt from the events that say so (review started,
 * task and deadline events), for the review events that do not.
 *
 * <p>A review's country team never changes once stored (the first event that names it wins), so the
 * reviews seen lately are also remembered in memory, once their row is committed: an event of a
 * known review writes nothing, where each event ran an upsert that changed nothing. Every node of
 * the service keeps its own copy; a row no node has seen yet is written as before.
 */
@Component
public class ReviewTeams {

  /** How many reviews each node remembers (a few MiB at most; the least recently used go). */
  static final int REMEMBERED = 20_000;

  private final JdbcTemplate jdbc;
  private final Map<UUID, String> known =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
              return size() > REMEMBERED;
            }
          });

  ReviewTeams(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void remember(UUID reviewId, String countryTeam) {
    if (reviewId == null || countryTeam == null || known.containsKey(reviewId)) {
      return;
    }
    int inserted =
        jdbc.update(
            "INSERT INTO ns_review (review_id, country_team) VALUES (?, ?) ON CONFLICT (review_id) DO NOTHING",
            reviewId,
            countryTeam);
    if (inserted == 1) {
      afterCommit(() -> known.put(reviewId, countryTeam));
    } else {
      of(reviewId); // stored before (by another node, or before a restart): remembers that one
    }
  }

  public Optional<String> of(UUID reviewId) {
    String team = known.get(reviewId);
    if (team != null) {
      return Optional.of(team);
    }
    Optional<String> stored =
        jdbc
            .queryForList(
                "SELECT country_team FROM ns_review WHERE review_id = ?", String.class, reviewId)
            .stream()
            .findFirst();
    stored.ifPresent(found -> afterCommit(() -> known.put(reviewId, found)));
    return stored;
  }

  /**
   * Runs {@code action} once the current transaction commits (at once outside one): what a rolled
   * back transaction wrote is never remembered.
   */
  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }
}
