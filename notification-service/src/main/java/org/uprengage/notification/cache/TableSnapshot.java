package org.uprengage.notification.cache;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A table's rows as this node last loaded them, for readers that would otherwise query it once per
 * event. The table's generation ({@code ns_table_generation}, bumped by a trigger in the same
 * transaction as any change to it, by whichever node or person makes it) is read once per
 * transaction, at the first {@link #current()}, or earlier by the transaction's own first statement
 * ({@link #generationQuery()}, {@link #generationRead}); the rows are loaded again only when it
 * moved. So one batch of events costs at most one short read, and a change committed anywhere is
 * seen by the next transaction that starts after it, as a query of the table would.
 *
 * <p>Within a transaction every call answers the same copy: loaded, if at all, before the
 * transaction writes to the table, it never holds a change that may yet be rolled back.
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
   * @param load reads the table (committed rows only: it runs before the transaction writes to it)
   */
  public TableSnapshot(JdbcTemplate jdbc, String table, Supplier<T> load) {
    if (!table.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a plain table name: " + table);
    }
    this.jdbc = jdbc;
    this.table = table;
    this.load = load;
  }

  /** The rows as of this transaction's generation (outside a transaction: as of now). */
  public T current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return fresh(readGeneration());
    }
    InTransaction<T> bound = bound();
    if (bound == null) {
      bound = bind(readGeneration());
    }
    if (bound.value == null) {
      bound.value = fresh(bound.generation);
    }
    return bound.value;
  }

  /**
   * A scalar subquery that reads the table's generation, for the transaction's first statement to
   * read along with what it does (then handed to {@link #generationRead}); empty when this
   * transaction knows the generation already, or outside a transaction.
   */
  public Optional<String> generationQuery() {
    if (!TransactionSynchronizationManager.isSynchronizationActive() || bound() != null) {
      return Optional.empty();
    }
    return Optional.of(
        "(SELECT generation FROM ns_table_generation WHERE table_name = '" + table + "')");
  }

  /**
   * The generation a statement of this transaction read by {@link #generationQuery()}, before the
   * transaction wrote to the table: {@link #current()} asks for it no more in this transaction. A
   * transaction that knows its generation already keeps the one it has.
   */
  public void generationRead(long generation) {
    if (TransactionSynchronizationManager.isSynchronizationActive() && bound() == null) {
      bind(generation);
    }
  }

  @SuppressWarnings("unchecked")
  private InTransaction<T> bound() {
    return (InTransaction<T>) TransactionSynchronizationManager.getResource(this);
  }

  private InTransaction<T> bind(long generation) {
    InTransaction<T> bound = new InTransaction<>(generation);
    TransactionSynchronizationManager.bindResource(this, bound);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TableSnapshot.this);
          }
        });
    return bound;
  }

  private long readGeneration() {
    return jdbc.queryForObject(
        "SELECT generation FROM ns_table_generation WHERE table_name = ?", Long.class, table);
  }

  private T fresh(long generation) {
    Loaded<T> known = latest.get();
    if (known != null && known.generation() == generation) {
      return known.value();
    }
    // loaded after the generation was read: as new as it, or newer (then the next transaction,
    // reading the newer generation, loads again)
    Loaded<T> loaded = new Loaded<>(generation, load.get());
    // generations only grow: a reader that started before a newer copy was loaded keeps its own
    latest.accumulateAndGet(
        loaded, (old, fresh) -> old == null || fresh.generation() > old.generation() ? fresh : old);
    return loaded.value();
  }

  private record Loaded<T>(long generation, T value) {}

  /** What a transaction knows: the generation it read, and the copy once it asked for it. */
  private static final class InTransaction<T> {
    private final long generation;
    private T value;

    private InTransaction(long generation) {
      this.generation = generation;
    }
  }
}
