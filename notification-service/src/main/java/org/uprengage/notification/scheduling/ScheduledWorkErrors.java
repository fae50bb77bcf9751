package org.uprengage.notification.scheduling;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failed run of scheduled work writes to the log. While the database is out, every run of
 * the e-mail, digest and webhook senders fails the same way, each second, and Spring's default
 * writes each with its whole stack: here such a failure is one line (WARN) with its cause. Anything
 * else keeps its stack (ERROR). Either way the work runs again at its next turn, as before.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledWorkErrors {

  private static final Logger log = LoggerFactory.getLogger(ScheduledWorkErrors.class);

  @Bean
  ThreadPoolTaskSchedulerCustomizer scheduledWorkErrorHandler() {
    return scheduler -> scheduler.setErrorHandler(ScheduledWorkErrors::report);
  }

  static void report(Throwable failure) {
    if (databaseOut(failure)) {
      Throwable cause = deepest(failure);
      log.warn(
          "Scheduled work could not reach the database, runs again at its next turn: {}: {}",
          cause.getClass().getSimpleName(),
          cause.getMessage());
    } else {
      log.error("Scheduled work failed, runs again at its next turn", failure);
    }
  }

  /** Whether the failure, or one of its causes, says the database could not be reached. */
  static boolean databaseOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
        return true;
      }
      if (t instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && databaseOut(rollback.getApplicationException())) {
        return true; // the rollback failed on the connection the work's own failure lost
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection exception) or 57P (the server shutting down or restarting). */
  private static boolean connectionLost(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static Throwable deepest(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
