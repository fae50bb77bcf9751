package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads task and deadline events from Kafka and hands each to its handler. */
@Component
class EventListeners {

  private final TaskEventHandler handler;
  private final DeadlineEventHandler deadlines;
  private final ObjectMapper json;

  EventListeners(TaskEventHandler handler, DeadlineEventHandler deadlines, ObjectMapper json) {
    this.handler = handler;
    this.deadlines = deadlines;
    this.json = json;
  }

  @KafkaListener(id = "task-events", idIsGroup = false, topics = "${upr.events.topics.tasks}")
  void onTaskEvent(ConsumerRecord<String, String> record) {
    handler.handle(IncomingEvent.from(record, json));
  }

  @KafkaListener(
      id = "deadline-events",
      idIsGroup = false,
      topics = "${upr.events.topics.deadlines}")
  void onDeadlineEvent(ConsumerRecord<String, String> record) {
    deadlines.handle(IncomingEvent.from(record, json));
  }
}
