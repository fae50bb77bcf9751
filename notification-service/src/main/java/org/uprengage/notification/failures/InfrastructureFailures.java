package org.uprengage.notification.failures;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures of the infrastructure (the database unreachable, refusing connections, shutting
 * down, in recovery or read-only, out of connections; a commit or rollback that failed; a
 * serialization failure, deadlock or lock timeout) from failures of the event itself: the former
 * pass once the database is back, so the event is retried until then; only the latter may ever park
 * an event.
 */
public final class InfrastructureFailures {

  /**
   * SQLState classes and codes of PostgreSQL that say the database, not the statement, failed:
   * connection exceptions (08), insufficient resources (53), operator intervention such as an
   * administrator's shutdown or a database starting up (57), system errors (58), serialization
   * failures (40001), deadlocks (40P01), a read-only transaction on a standby or a database in
   * recovery (25006), and a lock not available in time (55P03).
   */
  private static final List<String> STATE_PREFIXES =
      List.of("08", "53", "57", "58", "40001", "40P01", "25006", "55P03");

  /** Causes followed at most, against a cycle in a cause chain. */
  private static final int MAX_DEPTH = 32;

  private InfrastructureFailures() {}

  /** Whether {@code failure}, or anything that caused it, is a failure of the infrastructure. */
  public static boolean among(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
      if (infrastructure(cause)) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }

  private static boolean infrastructure(Throwable failure) {
    if (failure instanceof CannotCreateTransactionException
        || failure instanceof TransactionSystemException
        || failure instanceof DataAccessResourceFailureException
        || failure instanceof TransientDataAccessException
        || failure instanceof RecoverableDataAccessException
        || failure instanceof SQLTransientException
        || failure instanceof SQLRecoverableException
        || failure instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (failure instanceof SQLException sql) {
      for (SQLException next = sql; next != null; next = next.getNextException()) {
        String state = next.getSQLState();
        if (state != null && STATE_PREFIXES.stream().anyMatch(state::startsWith)) {
          return true;
        }
        if (next.getNextException() == next) {
          break;
        }
      }
    }
    return false;
  }
}
