package org.uprengage.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

/**
 * Turns deadline events into reminders and escalations: "approaching" tells whoever holds the task
 * (else the task's group), "missed" tells them and the coordinators it is escalated to. The engine
 * raises these only while the task is open, so nobody is reminded of work already done.
 */
@Service
public class DeadlineEventHandler {

  private final ObjectMapper json;
  private final People people;
  private final Notifier notifier;
  private final ReviewTeams reviews;

  DeadlineEventHandler(ObjectMapper json, People people, Notifier notifier, ReviewTeams reviews) {
    this.json = json;
    this.people = people;
    this.notifier = notifier;
    this.reviews = reviews;
  }

  /**
   * Handles one event.
   *
   * @return how many people it told (0 for a duplicate or an event nobody needs to hear of)
   */
  @Transactional
  public int handle(IncomingEvent event) {
    if (!event.type().startsWith(DeadlineEvent.TYPE_PREFIX)) {
      throw new PoisonEventException("not a deadline event: " + event.type());
    }
    DeadlineEvent deadline;
    try {
      deadline = json.treeToValue(event.data(), DeadlineEvent.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "the deadline event's data does not match its schema: " + e.getMessage());
    }
    deadline.requireComplete(event.type());
    if (!notifier.firstTime(event)) {
      return 0;
    }
    reviews.remember(deadline.reviewId(), deadline.countryTeam());
    notifier.publish(
        event, deadline.countryTeam(), DeadlineEvent.orEmpty(deadline.candidateGroups()));
    String taskId = DeadlineEvent.orEmpty(deadline.taskIds()).stream().findFirst().orElse(null);
    return switch (event.type()) {
      case DeadlineEvent.APPROACHING ->
          notifier.tell(
              workers(deadline),
              null,
              event,
              new Notifier.Message(
                  "deadline-approaching",
                  "deadline.approaching",
                  new Object[] {deadline.daysLeft(), deadline.milestone()},
                  new Object[] {deadline.milestone(), deadline.countryTeam(), deadline.dueAt()},
                  deadline.reviewId(),
                  taskId));
      case DeadlineEvent.MISSED -> {
        List<Person> told = new ArrayList<>(workers(deadline));
        told.addAll(
            people.inGroups(deadline.countryTeam(), DeadlineEvent.orEmpty(deadline.escalateTo())));
        yield notifier.tell(
            told,
            null,
            event,
            new Notifier.Message(
                "deadline-missed",
                "deadline.missed",
                new Object[] {deadline.milestone()},
                new Object[] {deadline.milestone(), deadline.countryTeam(), deadline.dueAt()},
                deadline.reviewId(),
                taskId));
      }
      default -> 0; // deadline changed: the new due date shows on the task itself
    };
  }

  /** Who holds the watched work: its assignees, else everyone of its groups. */
  private List<Person> workers(DeadlineEvent deadline) {
    List<String> assignees = DeadlineEvent.orEmpty(deadline.assignees());
    if (!assignees.isEmpty()) {
      List<Person> holders = new ArrayList<>();
      assignees.forEach(assignee -> holders.addAll(people.named(assignee)));
      return holders;
    }
    return people.inGroups(
        deadline.countryTeam(), DeadlineEvent.orEmpty(deadline.candidateGroups()));
  }
}
