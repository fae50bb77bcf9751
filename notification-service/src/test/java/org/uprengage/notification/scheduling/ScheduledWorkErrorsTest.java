package org.uprengage.notification.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkErrorsTest {

  @Test
  void theDatabaseOutIsOneLineNamingTheCause(CapturedOutput output) {
    ScheduledWorkErrors.report(
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms")));

    assertThat(output.getOut())
        .contains(
            "WARN",
            "Scheduled work could not reach the database, runs again at its next turn:"
                + " SQLTransientConnectionException: HikariPool-1 - Connection is not available")
        .doesNotContain("\tat ");
  }

  @Test
  void anythingElseKeepsItsStack(CapturedOutput output) {
    ScheduledWorkErrors.report(new IllegalStateException("a template is missing"));

    assertThat(output.getOut())
        .contains("ERROR", "Scheduled work failed, runs again at its next turn")
        .contains("java.lang.IllegalStateException: a template is missing", "\tat ");
  }

  @Test
  void theDatabaseIsOutWhenACauseSaysSo() {
    assertThat(ScheduledWorkErrors.databaseOut(new CannotGetJdbcConnectionException("no pool")))
        .isTrue();
    // a rollback on a connection the server terminated (SQLSTATE 57P01, admin shutdown)
    assertThat(
            ScheduledWorkErrors.databaseOut(
                new TransactionSystemException(
                    "JDBC rollback failed",
                    new SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01"))))
        .isTrue();
    // a rollback that failed on the connection the work's own statement had lost
    TransactionSystemException rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(
        new DataAccessResourceFailureException(
            "PreparedStatementCallback",
            new SQLException("FATAL: terminating connection due to administrator command")));
    assertThat(ScheduledWorkErrors.databaseOut(rollback)).isTrue();
    assertThat(
            ScheduledWorkErrors.databaseOut(
                new TransactionSystemException(
                    "could not commit", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(ScheduledWorkErrors.databaseOut(new IllegalStateException("no"))).isFalse();
  }
}
