package org.uprengage.notification.cache;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A table's rows as this node last loaded them, for readers that would otherwise query it once per
 * event. The table's generation ({@code ns_table_generation}, bumped by a trigger in the same
 * transaction as any change to it, by whichever node or person makes it) is read once per
 * transaction, at the first {@link #current()}; the rows are loaded again only when it moved. So
 * one batch of events costs one short read, and a change committed anywhere is seen by the next
 * transaction that starts after it, as a query of the table would.
 *
 * <p>Within a transaction every call answers the same copy: loaded, if at all, before anything the
 * transaction writes, it never holds a change that may yet be rolled back.
 *
 * @param <T> what the rows are turned into (an immutable value)
 */
public final class TableSnapshot<T> {

  private final JdbcTemplate jdbc;
  private final String table;
  private final Supplier<T> load;
  private final AtomicReference<Loaded<T>> latest = new AtomicReference<>();

  /**
   * @param table the table, as named in {@code ns_table_generation}
   * @param load reads the table (committed rows only: it runs before the transaction writes)
   */
  public TableSnapshot(JdbcTemplate jdbc, String table, Supplier<T> load) {
    this.jdbc = jdbc;
    this.table = table;
    this.load = load;
  }

  /** The rows as of this transaction's first call (outside a transaction: as of now). */
  @SuppressWarnings("unchecked")
  public T current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return fresh();
    }
    T bound = (T) TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return bound;
    }
    T value = fresh();
    TransactionSynchronizationManager.bindResource(this, value);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TableSnapshot.this);
          }
        });
    return value;
  }

  private T fresh() {
    long generation =
        jdbc.queryForObject(
            "SELECT generation FROM ns_table_generation WHERE table_name = ?", Long.class, table);
    Loaded<T> known = latest.get();
    if (known != null && known.generation() == generation) {
      return known.value();
    }
    Loaded<T> loaded = new Loaded<>(generation, load.get());
    // generations only grow: a reader that started before a newer copy was loaded keeps its own
    latest.accumulateAndGet(
        loaded, (old, fresh) -> old == null || fresh.generation() > old.generation() ? fresh : old);
    return loaded.value();
  }

  private record Loaded<T>(long generation, T value) {}
}
