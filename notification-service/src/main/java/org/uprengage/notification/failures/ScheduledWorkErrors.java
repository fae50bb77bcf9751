package org.uprengage.notification.failures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a failed run of scheduled work writes to the log. While the database is out, every run of
 * the e-mail, digest and webhook senders fails the same way, each second, and Spring's default
 * writes each with its whole stack: here a failure of the infrastructure ({@link
 * InfrastructureFailures}) is one line (WARN) with its cause. Anything else keeps its stack
 * (ERROR). Either way the work runs again at its next turn, as before.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledWorkErrors {

  private static final Logger log = LoggerFactory.getLogger(ScheduledWorkErrors.class);

  @Bean
  ThreadPoolTaskSchedulerCustomizer scheduledWorkErrorHandler() {
    return scheduler -> scheduler.setErrorHandler(ScheduledWorkErrors::report);
  }

  static void report(Throwable failure) {
    if (InfrastructureFailures.among(failure)) {
      Throwable cause = deepest(failure);
      log.warn(
          "Scheduled work met a failure of the database, runs again at its next turn: {}: {}",
          cause.getClass().getSimpleName(),
          cause.getMessage());
    } else {
      log.error("Scheduled work failed, runs again at its next turn", failure);
    }
  }

  /** The last cause of the chain (at most 32 down, against a cycle). */
  private static Throwable deepest(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; depth < 32 && t.getCause() != null && t.getCause() != t; depth++) {
      t = t.getCause();
    }
    return t;
  }
}
