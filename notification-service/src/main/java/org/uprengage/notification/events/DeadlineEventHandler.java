package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.taskstate.ReviewTeams;
import org.uprengage.notification.taskstate.TaskState;
import org.uprengage.notification.taskstate.TaskStates;

/**
 * Turns deadline events into reminders and escalations: "approaching" tells whoever holds the task
 * (else the task's group), "missed" tells them and the coordinators it is escalated to; "changed"
 * moves the tasks' due dates and tells whoever holds them (else their groups). The engine raises
 * alerts only while the task is open, but a task may be done or handed on between the alert and its
 * processing (or its held e-mail): the task state this service keeps is checked each time, and a
 * reminder that no longer concerns someone is dropped.
 */
@Service
public class DeadlineEventHandler {

  private final ObjectMapper json;
  private final People people;
  private final Notifier notifier;
  private final ReviewTeams reviews;
  private final TaskStates tasks;

  DeadlineEventHandler(
      ObjectMapper json, People people, Notifier notifier, ReviewTeams reviews, TaskStates tasks) {
    this.json = json;
    this.people = people;
    this.notifier = notifier;
    this.reviews = reviews;
    this.tasks = tasks;
  }

  /**
   * Handles one event.
   *
   * @return how many people it told (0 for a duplicate or an event nobody needs to hear of)
   */
  @Transactional
  public int handle(IncomingEvent event) {
    DeadlineEvent deadline =
        event.data(DeadlineEvent.TYPE_PREFIX, "deadline", DeadlineEvent.class, json);
    deadline.requireComplete(event.type());
    Instant dueAt = deadline.dueAt() == null ? null : instant("dueAt", deadline.dueAt());
    if (!notifier.firstTime(event)) {
      return 0;
    }
    reviews.remember(deadline.reviewId(), deadline.countryTeam());
    List<String> taskIds = DeadlineEvent.orEmpty(deadline.taskIds());
    notifier.publish(event, deadline.countryTeam(), groups(deadline));
    String taskId = taskIds.stream().findFirst().orElse(null);
    // times and days are told in each person's language and zone
    Object[] bodyArguments = {deadline.milestone(), deadline.countryTeam(), dueAt};
    return switch (event.type()) {
      case DeadlineEvent.APPROACHING -> {
        tasks.watchedBy(taskIds, deadline.milestone());
        yield notifier.tell(
            deadline.countryTeam(),
            stillConcerned(workers(deadline), taskIds, true),
            null,
            event,
            new Notifier.Message(
                Preferences.DEADLINE_APPROACHING,
                "deadline.approaching",
                new Object[] {deadline.daysLeft(), deadline.milestone()},
                bodyArguments,
                deadline.reviewId(),
                taskId,
                taskIds,
                true));
      }
      case DeadlineEvent.MISSED -> {
        tasks.watchedBy(taskIds, deadline.milestone());
        Notifier.Message holders = missed(deadline, bodyArguments, taskId, taskIds, true);
        int told =
            notifier.tell(
                deadline.countryTeam(),
                stillConcerned(workers(deadline), taskIds, true),
                null,
                event,
                holders);
        List<Person> escalatedTo =
            people.inGroups(deadline.countryTeam(), DeadlineEvent.orEmpty(deadline.escalateTo()));
        yield told
            + notifier.tell(
                deadline.countryTeam(),
                stillConcerned(escalatedTo, taskIds, false),
                null,
                event,
                missed(deadline, bodyArguments, taskId, taskIds, false));
      }
      case DeadlineEvent.CHANGED -> {
        tasks.dueMoved(
            taskIds, deadline.sequence(), endOfDay(deadline.newDueOn()), deadline.milestone());
        yield notifier.tell(
            deadline.countryTeam(),
            stillConcerned(workers(deadline), taskIds, true),
            null,
            event,
            new Notifier.Message(
                Preferences.DEADLINE_CHANGED,
                "deadline.changed",
                new Object[] {deadline.milestone(), day("newDueOn", deadline.newDueOn())},
                new Object[] {
                  deadline.milestone(),
                  deadline.countryTeam(),
                  deadline.oldDueOn() == null ? "?" : day("oldDueOn", deadline.oldDueOn()),
                  day("newDueOn", deadline.newDueOn())
                },
                deadline.reviewId(),
                taskId,
                taskIds,
                true));
      }
      default -> 0;
    };
  }

  /**
   * Those of {@code people} the watched tasks still concern, as this service last heard: a task
   * since completed, or handed to someone else, reminds nobody (or nobody else).
   */
  private List<Person> stillConcerned(List<Person> people, List<String> taskIds, boolean mustHold) {
    return people.stream()
        .filter(person -> tasks.stillConcerns(taskIds, person.username(), mustHold))
        .toList();
  }

  /**
   * An overdue escalation: for those who hold the work ({@code mustHold}, dropped should someone
   * else take it over), or for those it is escalated to.
   */
  private static Notifier.Message missed(
      DeadlineEvent deadline,
      Object[] bodyArguments,
      String taskId,
      List<String> taskIds,
      boolean mustHold) {
    return new Notifier.Message(
        Preferences.DEADLINE_MISSED,
        "deadline.missed",
        new Object[] {deadline.milestone()},
        bodyArguments,
        deadline.reviewId(),
        taskId,
        taskIds,
        mustHold);
  }

  /** Milestones fall due at the end of their day, 23:59 UTC, as the engine sets them. */
  private static Instant endOfDay(String day) {
    return day("newDueOn", day).atTime(23, 59).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate day(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException(field + " is not a date: " + value);
    }
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException(field + " is not an RFC 3339 time: " + value);
    }
  }

  /**
   * Who holds the watched work: its assignees (as the alert says, and as this service last heard),
   * else everyone of its groups.
   */
  private List<Person> workers(DeadlineEvent deadline) {
    Set<String> assignees = new LinkedHashSet<>(DeadlineEvent.orEmpty(deadline.assignees()));
    tasks.find(DeadlineEvent.orEmpty(deadline.taskIds())).stream()
        .filter(task -> task.open() && task.assignee() != null)
        .forEach(task -> assignees.add(task.assignee()));
    if (!assignees.isEmpty()) {
      List<Person> holders = new ArrayList<>();
      assignees.forEach(assignee -> holders.addAll(people.named(assignee)));
      return holders;
    }
    return people.inGroups(deadline.countryTeam(), groups(deadline));
  }

  /**
   * The candidate groups of the watched tasks: as the alert names them, else ("changed" names none)
   * those of its open tasks as this service last heard.
   */
  private Set<String> groups(DeadlineEvent deadline) {
    Set<String> groups = new LinkedHashSet<>(DeadlineEvent.orEmpty(deadline.candidateGroups()));
    if (groups.isEmpty()) {
      tasks.find(DeadlineEvent.orEmpty(deadline.taskIds())).stream()
          .filter(TaskState::open)
          .forEach(task -> groups.addAll(task.candidateGroups()));
    }
    return groups;
  }
}
