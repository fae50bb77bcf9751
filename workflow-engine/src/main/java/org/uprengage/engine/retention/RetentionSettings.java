package org.uprengage.engine.retention;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's retention settings ({@code upr.retention}).
 *
 * @param outboxPublished how long a published event stays in the outbox (a running review's events
 *     stay as long as it runs: its timeline is read from them)
 * @param historyTimeToLive per process key, the days Camunda keeps an ended instance's history (its
 *     history cleanup removes it after); a model not named keeps the time to live its BPMN file
 *     gives
 */
@ConfigurationProperties("upr.retention")
record RetentionSettings(Duration outboxPublished, Map<String, Integer> historyTimeToLive) {

  RetentionSettings {
    if (outboxPublished == null || outboxPublished.isNegative() || outboxPublished.isZero()) {
      throw new IllegalArgumentException("upr.retention.outbox-published must be positive");
    }
    historyTimeToLive = historyTimeToLive == null ? Map.of() : Map.copyOf(historyTimeToLive);
    historyTimeToLive.forEach(
        (key, days) -> {
          if (days == null || days < 1) {
            throw new IllegalArgumentException(
                "upr.retention.history-time-to-live." + key + " must be 1 day or more");
          }
        });
  }
}
