package org.uprengage.engine.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka topics the engine publishes to; the record key is the review id, on the people topic
 * the user name.
 */
@ConfigurationProperties("upr.events.topics")
public record EventTopics(
    @DefaultValue("upr.tasks.v1") String tasks,
    @DefaultValue("upr.reviews.v1") String reviews,
    @DefaultValue("upr.deadlines.v1") String deadlines,
    @DefaultValue("upr.people.v1") String people,
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor) {

  /** The name of a topic in this installation. */
  String name(EventTopic topic) {
    return switch (topic) {
      case TASKS -> tasks;
      case REVIEWS -> reviews;
      case DEADLINES -> deadlines;
      case PEOPLE -> people;
    };
  }
}
