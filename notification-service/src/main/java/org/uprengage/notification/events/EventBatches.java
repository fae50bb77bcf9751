package org.uprengage.notification.events;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.notification.failures.InfrastructureFailures;

/**
 * Handles the records of one poll in one transaction: each event's dedupe row and what it changes
 * (notifications, e-mails, webhook deliveries, task states) are committed together, so a poll costs
 * one transaction however many events it brings; the container commits the offsets of what was
 * handled once a second ({@code spring.kafka.listener.ack-mode: time}). A poll of one event is
 * handled at once, as before.
 *
 * <p>When the record at index {@code i} fails, the transaction is rolled back, the records before
 * {@code i} are handled again in a transaction of their own (they had succeeded, and nothing of
 * them was kept), and {@link BatchListenerFailedException} names {@code i}: the container's error
 * handler ({@link KafkaConsumerConfiguration}) commits the offsets before it, retries or parks
 * record {@code i} as it would a single record (a poison event at once, a failure of the
 * infrastructure until the database is back, any other failure after its attempts), and polls the
 * records after it again. So the records of a partition are handled in their order, none is lost,
 * and none notifies twice: a record handled again, here or after a crash before the offsets were
 * committed (up to a second of them), finds its dedupe row and changes nothing.
 */
@Component
class EventBatches {

  private final TransactionTemplate transactions;
  private final EventTrace trace;

  EventBatches(PlatformTransactionManager transactions, EventTrace trace) {
    this.transactions = new TransactionTemplate(transactions);
    this.trace = trace;
  }

  /**
   * Handles {@code records} in order in one transaction.
   *
   * @throws BatchListenerFailedException naming the first record that failed, once the records
   *     before it are committed
   */
  void handle(
      List<ConsumerRecord<String, String>> records,
      Consumer<ConsumerRecord<String, String>> handling) {
    handleFirst(records, records.size(), handling);
  }

  private void handleFirst(
      List<ConsumerRecord<String, String>> records,
      int count,
      Consumer<ConsumerRecord<String, String>> handling) {
    int[] at = {0};
    try {
      transactions.executeWithoutResult(
          status -> {
            for (; at[0] < count; at[0]++) {
              ConsumerRecord<String, String> record = records.get(at[0]);
              trace.handle(record, () -> handling.accept(record));
            }
          });
    } catch (RuntimeException e) {
      // every record handled and the commit failed: nothing is kept, the first one is retried
      int failed = at[0] < count ? at[0] : 0;
      if (failed > 0) {
        handleFirst(records, failed, handling);
      }
      String message = "event " + (failed + 1) + " of " + count + " failed: " + e.getMessage();
      throw InfrastructureFailures.among(e)
          ? new InfrastructureFailed(message, e, records.get(failed))
          : new EventFailed(message, e, records.get(failed));
    }
  }

  /**
   * A batch that failed at an event for a reason of the event's own (so far as can be told). The
   * error handler keeps the back-off it chose for a record while the class of its failures stays
   * the same (as the failure itself would, were the records handled one by one), so the two kinds
   * have classes of their own, neither a subclass of the other: an event that first failed for what
   * looked like its own reason waits for the database from the first failure that says the database
   * is away, and one that waited for the database and then fails for its own reason is parked after
   * its attempts.
   */
  static final class EventFailed extends BatchListenerFailedException {

    EventFailed(String message, Throwable cause, ConsumerRecord<?, ?> record) {
      super(message, cause, record);
    }
  }

  /** A batch that failed for the infrastructure's sake: see {@link EventFailed}. */
  static final class InfrastructureFailed extends BatchListenerFailedException {

    InfrastructureFailed(String message, Throwable cause, ConsumerRecord<?, ?> record) {
      super(message, cause, record);
    }
  }
}
