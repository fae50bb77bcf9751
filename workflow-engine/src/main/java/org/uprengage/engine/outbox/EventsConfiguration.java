package org.uprengage.engine.outbox;

import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the engine's topics (created at start where missing) and the clock events are stamped
 * with.
 */
@Configuration
class EventsConfiguration {

  @Bean
  NewTopic taskEventsTopic(EventTopics topics) {
    return TopicBuilder.name(topics.tasks())
        .partitions(topics.partitions())
        .replicas(topics.replicationFactor())
        .build();
  }

  @Bean
  NewTopic reviewEventsTopic(EventTopics topics) {
    return TopicBuilder.name(topics.reviews())
        .partitions(topics.partitions())
        .replicas(topics.replicationFactor())
        .build();
  }

  @Bean
  NewTopic deadlineEventsTopic(EventTopics topics) {
    return TopicBuilder.name(topics.deadlines())
        .partitions(topics.partitions())
        .replicas(topics.replicationFactor())
        .build();
  }

  @Bean
  NewTopic peopleEventsTopic(EventTopics topics) {
    return TopicBuilder.name(topics.people())
        .partitions(topics.partitions())
        .replicas(topics.replicationFactor())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
