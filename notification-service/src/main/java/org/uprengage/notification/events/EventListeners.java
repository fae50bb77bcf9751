package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads task, deadline, review (incidents among them) and person events from Kafka and hands each
 * to its handler.
 */
@Component
class EventListeners {

  private final TaskEventHandler handler;
  private final DeadlineEventHandler deadlines;
  private final ReviewEventHandler reviews;
  private final PersonEventHandler people;
  private final IncidentEventHandler incidents;
  private final EventTrace trace;
  private final ObjectMapper json;

  EventListeners(
      TaskEventHandler handler,
      DeadlineEventHandler deadlines,
      ReviewEventHandler reviews,
      PersonEventHandler people,
      IncidentEventHandler incidents,
      EventTrace trace,
      ObjectMapper json) {
    this.incidents = incidents;
    this.trace = trace;
    this.handler = handler;
    this.deadlines = deadlines;
    this.reviews = reviews;
    this.people = people;
    this.json = json;
  }

  @KafkaListener(id = "task-events", idIsGroup = false, topics = "${upr.events.topics.tasks}")
  void onTaskEvent(ConsumerRecord<String, String> record) {
    trace.handle(record, () -> handler.handle(IncomingEvent.from(record, json)));
  }

  @KafkaListener(
      id = "deadline-events",
      idIsGroup = false,
      topics = "${upr.events.topics.deadlines}")
  void onDeadlineEvent(ConsumerRecord<String, String> record) {
    trace.handle(record, () -> deadlines.handle(IncomingEvent.from(record, json)));
  }

  @KafkaListener(id = "review-events", idIsGroup = false, topics = "${upr.events.topics.reviews}")
  void onReviewEvent(ConsumerRecord<String, String> record) {
    trace.handle(
        record,
        () -> {
          IncomingEvent event = IncomingEvent.from(record, json);
          if (IncidentEvent.OPENED.equals(event.type())) {
            incidents.handle(event);
          } else {
            reviews.handle(event);
          }
        });
  }

  @KafkaListener(id = "person-events", idIsGroup = false, topics = "${upr.events.topics.people}")
  void onPersonEvent(ConsumerRecord<String, String> record) {
    trace.handle(record, () -> people.handle(IncomingEvent.from(record, json)));
  }
}
