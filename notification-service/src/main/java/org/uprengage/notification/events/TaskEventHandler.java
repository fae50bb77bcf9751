package org.uprengage.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.inbox.Inbox;

/**
 * Decides who hears of a task event and puts it in their inbox. The event's id is recorded in the
 * same transaction as the notifications, so a redelivered event changes nothing.
 */
@Service
public class TaskEventHandler {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final People people;
  private final Inbox inbox;
  private final Clock clock;

  TaskEventHandler(JdbcTemplate jdbc, ObjectMapper json, People people, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.people = people;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Handles one event.
   *
   * @return how many notifications it delivered (0 for a duplicate)
   * @throws PoisonEventException when the event cannot be understood
   */
  @Transactional
  public int handle(IncomingEvent event) {
    if (!event.type().startsWith(TaskEvent.TYPE_PREFIX)) {
      throw new PoisonEventException("not a task event: " + event.type());
    }
    TaskEvent task;
    try {
      task = json.treeToValue(event.data(), TaskEvent.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "the task event's data does not match its schema: " + e.getMessage());
    }
    task.requireComplete();
    if (!firstTime(event)) {
      return 0;
    }
    return switch (event.type()) {
      case TaskEvent.CREATED, TaskEvent.UNCLAIMED ->
          task.assignee() != null
              ? notify(
                  people.named(task.assignee()),
                  event,
                  task,
                  "task-assigned",
                  "Task assigned to you: ")
              : notify(
                  people.inGroups(task.countryTeam(), task.groups()),
                  event,
                  task,
                  "task-available",
                  "New task for your group: ");
      case TaskEvent.ASSIGNED ->
          notify(
              people.named(task.assignee()),
              event,
              task,
              "task-assigned",
              "Task assigned to you: ");
      default -> 0; // claimed, completed, cancelled: nobody needs telling yet
    };
  }

  private boolean firstTime(IncomingEvent event) {
    return jdbc.update(
            "INSERT INTO ns_processed_event (source, id, type, processed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            event.source(),
            event.id(),
            event.type(),
            Timestamp.from(clock.instant()))
        > 0;
  }

  private int notify(
      List<Person> recipients,
      IncomingEvent event,
      TaskEvent task,
      String kind,
      String titlePrefix) {
    int delivered = 0;
    for (Person person : recipients) {
      if (person.username().equals(task.actor())) {
        continue; // nobody is told of what they did themselves
      }
      String body =
          "\""
              + task.taskName()
              + "\" in the review of "
              + task.countryTeam()
              + (task.assignee() == null
                  ? " is waiting to be claimed by " + String.join(", ", task.groups()) + "."
                  : " is yours to do.");
      if (inbox.deliver(
          person.username(),
          new Inbox.NewNotification(
              kind,
              titlePrefix + task.taskName(),
              body,
              task.reviewId(),
              task.taskId(),
              event.source(),
              event.id()))) {
        delivered++;
      }
    }
    return delivered;
  }
}
