package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads task events from Kafka and hands each to {@link TaskEventHandler}. */
@Component
class TaskEventListener {

  private final TaskEventHandler handler;
  private final ObjectMapper json;

  TaskEventListener(TaskEventHandler handler, ObjectMapper json) {
    this.handler = handler;
    this.json = json;
  }

  @KafkaListener(id = "task-events", idIsGroup = false, topics = "${upr.events.topics.tasks}")
  void onTaskEvent(ConsumerRecord<String, String> record) {
    handler.handle(IncomingEvent.from(record, json));
  }
}
