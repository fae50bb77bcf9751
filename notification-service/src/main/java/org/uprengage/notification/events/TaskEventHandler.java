package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.follow.Follows;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.taskstate.ReviewTeams;
import org.uprengage.notification.taskstate.TaskChange;
import org.uprengage.notification.taskstate.TaskStates;
import org.uprengage.notification.webhook.Webhooks;
import org.uprengage.notification.wording.Wording;

/**
 * Decides who hears of a task event (its group or holder, and whoever follows its review or country
 * team and may see the task in the workflow engine) and tells them per their preferences. The
 * event's id is recorded in the same transaction as the notifications, so a redelivered event
 * changes nothing.
 */
@Service
public class TaskEventHandler {

  private static final String ADMIN = "admin";
  private static final String COORDINATOR = "coordinator";

  private final ObjectMapper json;
  private final People people;
  private final Notifier notifier;
  private final ReviewTeams reviews;
  private final TaskStates tasks;
  private final Follows follows;
  private final Webhooks webhooks;

  TaskEventHandler(
      ObjectMapper json,
      People people,
      Notifier notifier,
      ReviewTeams reviews,
      TaskStates tasks,
      Follows follows,
      Webhooks webhooks) {
    this.follows = follows;
    this.webhooks = webhooks;
    this.json = json;
    this.people = people;
    this.notifier = notifier;
    this.reviews = reviews;
    this.tasks = tasks;
  }

  /**
   * Handles one event.
   *
   * @return how many notifications it delivered (0 for a duplicate)
   * @throws PoisonEventException when the event cannot be understood
   */
  @Transactional
  public int handle(IncomingEvent event) {
    TaskEvent task = event.data(TaskEvent.TYPE_PREFIX, "task", TaskEvent.class, json);
    task.requireComplete();
    // who hears of it directly: whoever holds it, else its groups while nobody does
    boolean held = task.assignee() != null;
    People.Along direct =
        switch (event.type()) {
          case TaskEvent.CREATED, TaskEvent.UNCLAIMED ->
              held
                  ? people.namedAlong(task.assignee())
                  : people.inGroupsAlong(task.countryTeam(), task.groups());
          case TaskEvent.ASSIGNED -> people.namedAlong(task.assignee());
          default -> null; // claimed, completed, cancelled: only followers hear of them
        };
    // the event recorded as handled (a redelivery changes nothing) with the task's state, at once;
    // the same statement reads the follows of the review, the people told directly and, first in a
    // transaction, the webhook subscriptions' generation
    List<TaskStates.AlsoRead> alsoRead = new ArrayList<>();
    alsoRead.add(
        new TaskStates.AlsoRead(
            Follows.FOLLOWS_OF_REVIEW, Arrays.asList(task.countryTeam(), task.reviewId())));
    if (direct != null) {
      alsoRead.add(new TaskStates.AlsoRead(direct.expression(), direct.arguments()));
    }
    Optional<String> generation = webhooks.subscriptionsGenerationQuery();
    generation.ifPresent(query -> alsoRead.add(new TaskStates.AlsoRead(query, List.of())));
    TaskStates.Changed changed =
        tasks.changedOnce(
            event.source(),
            event.id(),
            event.type(),
            new TaskChange(
                task.taskId(),
                task.reviewId(),
                task.sequence(),
                task.countryTeam(),
                task.taskKey(),
                task.taskName(),
                task.groups(),
                task.assignee(),
                switch (event.type()) {
                  case TaskEvent.COMPLETED -> TaskChange.COMPLETED;
                  case TaskEvent.CANCELLED -> TaskChange.CANCELLED;
                  default -> TaskChange.OPEN;
                },
                instant(task.dueDate())),
            alsoRead);
    if (generation.isPresent()
        && changed.alsoRead().get(alsoRead.size() - 1) instanceof Number read) {
      webhooks.subscriptionsGenerationRead(read.longValue());
    }
    if (!changed.first()) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    List<String> followed = (List<String>) changed.alsoRead().get(0);
    reviews.remember(task.reviewId(), task.countryTeam());
    notifier.publish(event, task.countryTeam(), task.groups());
    int told =
        direct == null
            ? 0
            : notifier.tell(
                task.countryTeam(),
                people.read((String) changed.alsoRead().get(1)),
                task.actor(),
                event,
                held || event.type().equals(TaskEvent.ASSIGNED) ? assigned(task) : available(task));
    // followers of the review or its country team who may see the task, unless already told above
    // (once per event)
    String kind = Webhooks.kind(event.type()).substring("task.".length());
    return told
        + notifier.tell(
            task.countryTeam(),
            follows
                .followersAmong(followed == null ? List.of() : followed, task.countryTeam())
                .stream()
                .filter(person -> maySee(person, task))
                .toList(),
            task.actor(),
            event,
            new Notifier.Message(
                Preferences.REVIEW_EVENT,
                "task.followed",
                new Object[] {
                  task.countryTeam(),
                  name(task),
                  ReviewEventHandler.label("task.kind." + kind, kind)
                },
                new Object[] {
                  task.countryTeam(),
                  name(task),
                  ReviewEventHandler.label("task.kind." + kind, kind)
                },
                task.reviewId(),
                task.taskId()));
  }

  /**
   * Whether the workflow engine shows {@code person} (of the task's country team) the task: they
   * hold it, are in one of its candidate groups (a role, their agency, or a role within their
   * agency), or coordinate (or administer) the country team.
   */
  static boolean maySee(Person person, TaskEvent task) {
    if (person.username().equals(task.assignee())
        || person.roles().contains(ADMIN)
        || person.roles().contains(COORDINATOR)) {
      return true;
    }
    for (String group : task.groups()) {
      int colon = group.indexOf(':');
      boolean member =
          colon < 0
              ? group.equals(person.agency()) || person.roles().contains(group)
              : group.substring(colon + 1).equals(person.agency())
                  && person.roles().contains(group.substring(0, colon));
      if (member) {
        return true;
      }
    }
    return false;
  }

  /** The task's name in each reader's language, by its key; the model's name where it has none. */
  private static Object name(TaskEvent task) {
    return Wording.taskName(task.taskKey(), task.taskName());
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("dueDate is not an RFC 3339 time: " + value);
    }
  }

  private static Notifier.Message available(TaskEvent task) {
    if (task.approval()) {
      return approval(task);
    }
    return new Notifier.Message(
        "task-available",
        "task.available",
        new Object[] {name(task)},
        new Object[] {name(task), task.countryTeam(), String.join(", ", task.groups())},
        task.reviewId(),
        task.taskId());
  }

  private static Notifier.Message approval(TaskEvent task) {
    return new Notifier.Message(
        Preferences.APPROVAL_WAITING,
        "approval.waiting",
        new Object[] {name(task)},
        new Object[] {name(task), task.countryTeam()},
        task.reviewId(),
        task.taskId());
  }

  private static Notifier.Message assigned(TaskEvent task) {
    if (task.approval()) {
      return approval(task);
    }
    return new Notifier.Message(
        "task-assigned",
        "task.assigned",
        new Object[] {name(task)},
        new Object[] {name(task), task.countryTeam()},
        task.reviewId(),
        task.taskId());
  }
}
