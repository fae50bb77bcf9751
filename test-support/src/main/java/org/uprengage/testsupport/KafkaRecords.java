package org.uprengage.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of this run's broker from the beginning, as any Kafka client would. */
public final class KafkaRecords {

  private KafkaRecords() {}

  /**
   * The records with {@code key}, in topic order, once at least {@code count} have arrived or
   * {@code timeout} has passed (then whatever arrived). Reads every partition itself, without a
   * consumer group: no group to join, so a broker still loading its groups (just restarted, say)
   * does not eat into the timeout.
   */
  public static List<ConsumerRecord<String, String>> withKey(
      String topic, String key, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(),
                "enable.auto.commit",
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      Instant deadline = Instant.now().plus(timeout);
      List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (found.size() < count && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  /** The topic's partitions, once the broker knows the topic (none if not by the deadline). */
  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, String> consumer, String topic, Instant deadline) {
    while (true) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (!partitions.isEmpty() || !Instant.now().isBefore(deadline)) {
        return partitions;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return partitions;
      }
    }
  }

  /** How many records the topics hold, all partitions together. */
  public static long count(String... topics) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
