package org.uprengage.notification.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads every dead-letter topic back and keeps what is parked there, for platform admins. */
@Component
class DeadLetterListener {

  private final DeadLetters deadLetters;

  DeadLetterListener(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @KafkaListener(
      id = "dead-letters",
      idIsGroup = false,
      topics = {
        "${upr.events.topics.tasks}.dlt",
        "${upr.events.topics.deadlines}.dlt",
        "${upr.events.topics.reviews}.dlt",
        "${upr.events.topics.people}.dlt"
      })
  void onDeadLetter(ConsumerRecord<String, String> record) {
    deadLetters.keep(record);
  }
}
