package org.uprengage.notification.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin.NewTopics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.uprengage.notification.failures.InfrastructureFailures;

/**
 * What happens when an event cannot be handled. A poison event (unreadable, or against its schema)
 * goes straight to the dead-letter topic ({@code <topic>.dlt}, with the reason in its {@code
 * kafka_dlt-exception-*} headers) and the partition moves on. A failure of the infrastructure (see
 * {@link InfrastructureFailures}) is retried until the database is back, with exponential backoff
 * up to {@code upr.events.retry.max-interval}; any other failure is tried {@value
 * #APPLICATION_FAILURE_ATTEMPTS} times, then parked.
 *
 * <p>The listeners take a poll's records at once ({@link EventBatches}): all of this applies to the
 * event at which a batch failed, named by a {@link
 * org.springframework.kafka.listener.BatchListenerFailedException}; the events before it are
 * committed, and those after it are polled again once it is handled or parked.
 *
 * <p>Between attempts the listener's container is paused, not its thread put to sleep: the consumer
 * goes on polling (and so stays in its group, whatever {@code max.poll.interval.ms} says) while it
 * fetches nothing, and the record is fetched again once the pause ends.
 *
 * <p>Each record parked is counted as {@code upr.dead.letters}, tagged with the {@code topic} it
 * came from.
 */
@Configuration
class KafkaConsumerConfiguration {

  static final String DEAD_LETTER_SUFFIX = ".dlt";

  /** Attempts at an event that fails for a reason of its own, before it is parked. */
  static final int APPLICATION_FAILURE_ATTEMPTS = 3;

  @Bean
  DefaultErrorHandler eventErrorHandler(
      KafkaTemplate<String, String> template,
      KafkaListenerEndpointRegistry registry,
      TaskScheduler scheduler,
      @Value("${upr.events.retry.initial-interval:500ms}") Duration initialInterval,
      @Value("${upr.events.retry.max-interval:30s}") Duration maxInterval,
      MeterRegistry meters) {
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template,
            (record, e) ->
                new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, e) -> {
              deadLetters.accept(record, e);
              Counter.builder("upr.dead.letters")
                  .description("Events parked on a dead-letter topic, by the topic they came from")
                  .tag("topic", record.topic())
                  .register(meters)
                  .increment();
            },
            new FixedBackOff(initialInterval.toMillis(), APPLICATION_FAILURE_ATTEMPTS - 1),
            new ContainerPausingBackOffHandler(
                new ListenerContainerPauseService(registry, scheduler)));
    handler.addNotRetryableExceptions(PoisonEventException.class);
    BackOff untilTheDatabaseIsBack = untilTheDatabaseIsBack(initialInterval, maxInterval);
    handler.setBackOffFunction(
        (record, e) -> InfrastructureFailures.among(e) ? untilTheDatabaseIsBack : null);
    return handler;
  }

  /** Doubling waits from {@code initial} up to {@code max}, for as long as it takes. */
  static BackOff untilTheDatabaseIsBack(Duration initial, Duration max) {
    ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
    backOff.setMaxInterval(max.toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return backOff;
  }

  @Bean
  NewTopics deadLetterTopics(
      @Value("${upr.events.topics.tasks}") String tasks,
      @Value("${upr.events.topics.deadlines}") String deadlines,
      @Value("${upr.events.topics.reviews}") String reviews,
      @Value("${upr.events.topics.people}") String people,
      @Value("${upr.events.topics.partitions:3}") int partitions) {
    return new NewTopics(
        deadLetterTopic(tasks, partitions),
        deadLetterTopic(deadlines, partitions),
        deadLetterTopic(reviews, partitions),
        deadLetterTopic(people, partitions));
  }

  private static NewTopic deadLetterTopic(String topic, int partitions) {
    return TopicBuilder.name(topic + DEAD_LETTER_SUFFIX).partitions(partitions).replicas(1).build();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
