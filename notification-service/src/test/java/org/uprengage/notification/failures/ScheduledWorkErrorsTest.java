package org.uprengage.notification.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkErrorsTest {

  @Test
  void aFailureOfTheDatabaseIsOneLineNamingItsCause(CapturedOutput output) {
    ScheduledWorkErrors.report(
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms")));

    assertThat(output.getOut())
        .contains(
            "WARN",
            "Scheduled work met a failure of the database, runs again at its next turn:"
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
}
