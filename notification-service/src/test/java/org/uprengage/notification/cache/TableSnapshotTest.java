package org.uprengage.notification.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * A table's copy answers what was committed before the transaction read the generation, whether the
 * transaction asked for the generation itself or read it along with its first statement.
 */
class TableSnapshotTest extends NotificationIntegrationTest {

  private static final String TEAM = "SNAPSHOT";

  @Autowired PlatformTransactionManager transactionManager;

  private final AtomicInteger loads = new AtomicInteger();

  @AfterEach
  void removeRows() {
    jdbc.update("DELETE FROM ns_webhook WHERE country_team = ?", TEAM);
  }

  @Test
  void aGenerationReadAlongIsUsedInItsTransactionOnlyAndAChangeAfterItIsSeenByTheNext() {
    TableSnapshot<Integer> rows = new TableSnapshot<>(jdbc, "ns_webhook", this::count);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    TransactionTemplate elsewhere = new TransactionTemplate(transactionManager);
    elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    assertThat(rows.generationQuery()).as("outside a transaction").isEmpty();
    int first =
        transaction.execute(
            status -> {
              String query = rows.generationQuery().orElseThrow();
              rows.generationRead(jdbc.queryForObject("SELECT " + query, Long.class));
              assertThat(rows.generationQuery()).as("known in this transaction").isEmpty();
              // committed by another transaction after this one read the generation
              elsewhere.executeWithoutResult(added -> insert());
              int answer = rows.current();
              assertThat(rows.current()).isEqualTo(answer);
              return answer;
            });
    assertThat(loads).hasValue(1);

    // the next transaction reads the generation again, so sees the row whatever the copy held
    int second =
        transaction.execute(
            status -> {
              String query = rows.generationQuery().orElseThrow();
              rows.generationRead(jdbc.queryForObject("SELECT " + query, Long.class));
              return rows.current();
            });
    assertThat(second).isEqualTo(count());
    assertThat(second).isGreaterThanOrEqualTo(first);

    // nothing changed since: the copy is answered without loading again, in a transaction that
    // reads the generation itself too
    int loaded = loads.get();
    Integer unchanged = transaction.execute(status -> rows.current());
    assertThat(unchanged).isEqualTo(second);
    assertThat(loads).hasValue(loaded);

    // a change committed before a transaction starts is in its copy
    insert();
    Integer changed =
        transaction.execute(
            status -> {
              rows.generationRead(
                  jdbc.queryForObject(
                      "SELECT " + rows.generationQuery().orElseThrow(), Long.class));
              return rows.current();
            });
    assertThat(changed).isEqualTo(second + 1);
  }

  private int count() {
    loads.incrementAndGet();
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_webhook WHERE country_team = ?", Integer.class, TEAM);
  }

  private void insert() {
    jdbc.update(
        "INSERT INTO ns_webhook (id, owner, country_team, url, secret, event_kinds, created_at) VALUES (?, 'coordinator', ?, 'https://93.184.216.34/hook', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '{task.created}', now())",
        UUID.randomUUID(),
        TEAM);
  }
}
