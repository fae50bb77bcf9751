package org.uprengage.engine.audit;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * Runs the changes the API is asked for, each in one transaction with its row in the audit trail,
 * so a change and its row commit, or roll back, together. Controllers call it; the services they
 * call join its transaction. An attempt that fails rolls back its row with it and is recorded
 * afterwards, with its status, by the web layer.
 */
@Component
public class AuditedChanges {

  private final TransactionTemplate transactions;
  private final AuditTrail trail;
  private final ObjectProvider<AuditedRequest> requests;
  private final EventOutbox outbox;

  AuditedChanges(
      TransactionTemplate transactions,
      AuditTrail trail,
      ObjectProvider<AuditedRequest> requests,
      EventOutbox outbox) {
    this.transactions = transactions;
    this.trail = trail;
    this.requests = requests;
    this.outbox = outbox;
  }

  /**
   * Runs the change and decides its answer in one transaction, with the audit row of this request,
   * saying the answer's status, written in it: in one statement with the events the change appended
   * to the outbox ({@link EventOutbox#holdingBack}).
   */
  public <T> ResponseEntity<T> commit(Supplier<ResponseEntity<T>> change) {
    AuditedRequest request = requests.getObject();
    ResponseEntity<T> answer =
        transactions.execute(
            status ->
                outbox.holdingBack(
                    () -> {
                      ResponseEntity<T> decided = change.get();
                      request.recordIn(trail, decided.getStatusCode().value());
                      return decided;
                    }));
    request.markRecorded();
    return answer;
  }

  /**
   * Runs the change of one task of a bulk request in its own transaction, with a row for that task
   * (200) written in it.
   */
  public <T> T commitFor(String taskId, Supplier<T> change) {
    requests.getObject().concernsOnly(taskId);
    return commit(() -> ResponseEntity.ok(change.get())).getBody();
  }

  /** Records, after its transaction rolled back, that the last change of a bulk request failed. */
  public void refused(int status) {
    AuditedRequest request = requests.getObject();
    request.recordIn(trail, status);
    request.markRecorded();
  }
}
