package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads task, deadline, review (incidents among them) and person events from Kafka, a poll's
 * records at a time, and hands each to its handler, all of a poll in one transaction ({@link
 * EventBatches}).
 */
@Component
class EventListeners {

  private final TaskEventHandler handler;
  private final DeadlineEventHandler deadlines;
  private final ReviewEventHandler reviews;
  private final PersonEventHandler people;
  private final IncidentEventHandler incidents;
  private final EventBatches batches;
  private final ObjectMapper json;

  EventListeners(
      TaskEventHandler handler,
      DeadlineEventHandler deadlines,
      ReviewEventHandler reviews,
      PersonEventHandler people,
      IncidentEventHandler incidents,
      EventBatches batches,
      ObjectMapper json) {
    this.incidents = incidents;
    this.batches = batches;
    this.handler = handler;
    this.deadlines = deadlines;
    this.reviews = reviews;
    this.people = people;
    this.json = json;
  }

  @KafkaListener(
      id = "task-events",
      idIsGroup = false,
      topics = "${upr.events.topics.tasks}",
      batch = "true")
  void onTaskEvents(List<ConsumerRecord<String, String>> records) {
    batches.handle(records, record -> handler.handle(IncomingEvent.from(record, json)));
  }

  @KafkaListener(
      id = "deadline-events",
      idIsGroup = false,
      topics = "${upr.events.topics.deadlines}",
      batch = "true")
  void onDeadlineEvents(List<ConsumerRecord<String, String>> records) {
    batches.handle(records, record -> deadlines.handle(IncomingEvent.from(record, json)));
  }

  @KafkaListener(
      id = "review-events",
      idIsGroup = false,
      topics = "${upr.events.topics.reviews}",
      batch = "true")
  void onReviewEvents(List<ConsumerRecord<String, String>> records) {
    batches.handle(
        records,
        record -> {
          IncomingEvent event = IncomingEvent.from(record, json);
          if (IncidentEvent.OPENED.equals(event.type())) {
            incidents.handle(event);
          } else {
            reviews.handle(event);
          }
        });
  }

  @KafkaListener(
      id = "person-events",
      idIsGroup = false,
      topics = "${upr.events.topics.people}",
      batch = "true")
  void onPersonEvents(List<ConsumerRecord<String, String>> records) {
    batches.handle(records, record -> people.handle(IncomingEvent.from(record, json)));
  }
}
