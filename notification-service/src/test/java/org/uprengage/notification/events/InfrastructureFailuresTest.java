package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.uprengage.notification.failures.InfrastructureFailures;

/** Which failures wait for the database to come back, and which may park an event. */
class InfrastructureFailuresTest {

  @Test
  void aDatabaseThatRefusesOrDropsConnectionsOrIsInRecoveryIsAnInfrastructureFailure() {
    assertThat(
            InfrastructureFailures.among(
                new ListenerExecutionFailedException(
                    "listener failed",
                    new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available",
                            null,
                            new SQLException(
                                "FATAL: database is not currently accepting connections",
                                "55000"))))))
        .isTrue();
    assertThat(
            InfrastructureFailures.among(
                new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection", new SQLException("refused", "08001"))))
        .isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("57P01"))).as("admin shutdown").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("57P03"))).as("starting up").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("08006"))).as("connection lost").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("53300"))).as("too many").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("25006"))).as("read-only").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("40001"))).as("serialization").isTrue();
    assertThat(InfrastructureFailures.among(sqlFailure("40P01"))).as("deadlock").isTrue();
    assertThat(InfrastructureFailures.among(new CannotAcquireLockException("lock timeout")))
        .isTrue();
    assertThat(
            InfrastructureFailures.among(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .as("a rollback on a connection the database dropped")
        .isTrue();
  }

  @Test
  void aFailureOfTheEventItselfIsNot() {
    assertThat(InfrastructureFailures.among(new PoisonEventException("not JSON"))).isFalse();
    assertThat(InfrastructureFailures.among(new DataIntegrityViolationException("duplicate key")))
        .isFalse();
    assertThat(InfrastructureFailures.among(sqlFailure("22021"))).as("bad encoding").isFalse();
    assertThat(InfrastructureFailures.among(sqlFailure("23505"))).as("unique").isFalse();
    assertThat(InfrastructureFailures.among(new IllegalStateException("a bug"))).isFalse();
  }

  @Test
  void theWaitForTheDatabaseNeverEndsAndNeverExceedsItsLongestInterval() {
    BackOff backOff =
        KafkaConsumerConfiguration.untilTheDatabaseIsBack(
            Duration.ofMillis(500), Duration.ofSeconds(30));
    BackOffExecution waits = backOff.start();
    assertThat(waits.nextBackOff()).isEqualTo(500);
    assertThat(waits.nextBackOff()).isEqualTo(1000);
    for (int attempt = 0; attempt < 10_000; attempt++) {
      assertThat(waits.nextBackOff()).isBetween(1L, 30_000L);
    }
  }

  private static UncategorizedSQLException sqlFailure(String state) {
    return new UncategorizedSQLException("insert", "INSERT ...", new SQLException("x", state));
  }
}
