package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewStarted;

/**
 * The events an API change appends are held back and written with its audit row, in one statement,
 * in the order appended ({@link EventOutbox#holdingBack}); they commit or roll back with the change
 * as before, a read of the outbox in the change sees them, and a transaction begun apart inside the
 * change writes and commits its own at once.
 */
class EventsHeldBackTest extends EngineIntegrationTest {

  private static final String AUDIT_ROW =
      "INSERT INTO upr_audit (at, actor, action, outcome, review_id, task_id, remote_address)"
          + " VALUES (now(), ?, 'held-back test', 200, ?, NULL, NULL)";

  @Autowired EventOutbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired PlatformTransactionManager transactionManager;

  private static ReviewStarted step(String mark) {
    return new ReviewStarted("XX", 42, mark);
  }

  @Test
  void heldEventsAreWrittenWithTheRowInTheOrderAppendedAndReadInTheChange() {
    String team = newCountryTeam();
    UUID review = uuid(team);
    List<String> seenInside =
        transactions.execute(
            status ->
                outbox.holdingBack(
                    () -> {
                      outbox.append(review, step("one"));
                      outbox.append(review, step("two"));
                      assertThat(marks(review)).isEmpty(); // held back
                      outbox.writeWith(AUDIT_ROW, "held", review);
                      assertThat(marks(review)).containsExactly("one", "two");
                      outbox.append(review, step("three"));
                      // a read of the outbox in the change writes what is held first
                      List<String> read =
                          outbox.eventsOf(review).stream()
                              .map(event -> (String) event.data().get("startedBy"))
                              .filter(mark -> mark != null && !mark.equals("coordinator"))
                              .toList();
                      outbox.append(review, step("four")); // written when the work ends
                      return read;
                    }));
    assertThat(seenInside).containsExactly("one", "two", "three");
    assertThat(marks(review)).containsExactly("one", "two", "three", "four");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_audit WHERE review_id = ? AND actor = 'held'",
                Integer.class,
                review))
        .isEqualTo(1);
  }

  @Test
  void aChangeThatFailsWritesNoneAndATransactionOfItsOwnInsideItCommitsItsOwn() {
    String team = newCountryTeam();
    UUID review = uuid(team);
    TransactionTemplate apart = new TransactionTemplate(transactionManager);
    apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    assertThatThrownBy(
            () ->
                transactions.execute(
                    status ->
                        outbox.holdingBack(
                            () -> {
                              outbox.append(review, step("held"));
                              apart.executeWithoutResult(
                                  inner -> outbox.append(review, step("apart")));
                              outbox.writeWith(AUDIT_ROW, "failed", review);
                              throw new IllegalStateException("the change fails");
                            })))
        .hasMessage("the change fails");
    assertThat(marks(review)).containsExactly("apart");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_audit WHERE review_id = ? AND actor = 'failed'",
                Integer.class,
                review))
        .isZero();
  }

  /** A review of the team, whose events the relay can number. */
  private UUID uuid(String team) {
    try {
      return UUID.fromString(startReview(team, 42, coordinator(team)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The marks of the test's events of the review, in the order written. */
  private List<String> marks(UUID review) {
    return jdbc.queryForList(
        "SELECT payload::jsonb ->> 'startedBy' FROM upr_event_outbox WHERE record_key = ?"
            + " AND type = ? AND payload::jsonb ->> 'startedBy' <> 'coordinator' ORDER BY position",
        String.class,
        review.toString(),
        ReviewStarted.TYPE);
  }
}
