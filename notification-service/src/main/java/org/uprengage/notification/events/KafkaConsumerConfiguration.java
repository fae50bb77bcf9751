package org.uprengage.notification.events;

import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when an event cannot be handled: a poison event goes straight to the dead-letter
 * topic ({@code <topic>.dlt}, with the reason in its {@code kafka_dlt-exception-*} headers) and the
 * partition moves on; a database outage is retried, with backoff, until the database is back; any
 * other failure is retried twice, then parked.
 */
@Configuration
class KafkaConsumerConfiguration {

  static final String DEAD_LETTER_SUFFIX = ".dlt";

  @Bean
  DefaultErrorHandler eventErrorHandler(KafkaTemplate<String, String> template) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, e) ->
                new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
    handler.addNotRetryableExceptions(PoisonEventException.class);
    ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(500, 2.0);
    untilTheDatabaseIsBack.setMaxInterval(30_000);
    handler.setBackOffFunction(
        (record, e) ->
            causedBy(e, TransientDataAccessException.class)
                    || causedBy(e, CannotGetJdbcConnectionException.class)
                ? untilTheDatabaseIsBack
                : null);
    return handler;
  }

  @Bean
  NewTopic taskEventsDeadLetterTopic(
      @Value("${upr.events.topics.tasks}") String tasks,
      @Value("${upr.events.topics.partitions:3}") int partitions) {
    return TopicBuilder.name(tasks + DEAD_LETTER_SUFFIX).partitions(partitions).replicas(1).build();
  }

  @Bean
  NewTopic deadlineEventsDeadLetterTopic(
      @Value("${upr.events.topics.deadlines}") String deadlines,
      @Value("${upr.events.topics.partitions:3}") int partitions) {
    return TopicBuilder.name(deadlines + DEAD_LETTER_SUFFIX)
        .partitions(partitions)
        .replicas(1)
        .build();
  }

  @Bean
  NewTopic reviewEventsDeadLetterTopic(
      @Value("${upr.events.topics.reviews}") String reviews,
      @Value("${upr.events.topics.partitions:3}") int partitions) {
    return TopicBuilder.name(reviews + DEAD_LETTER_SUFFIX)
        .partitions(partitions)
        .replicas(1)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
