package org.uprengage.notification.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.email.EmailChannel;
import org.uprengage.notification.email.Outgoing;
import org.uprengage.notification.inbox.Inbox;
import org.uprengage.notification.preference.DeliveryPlan;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.webhook.WebhookEvent;
import org.uprengage.notification.webhook.Webhooks;
import org.uprengage.notification.wording.Wording;

/**
 * What every event handler shares: recording that an event was handled (in the handler's
 * transaction, so a redelivery changes nothing), telling each person once on the channels their
 * preferences choose, and queueing the event for webhooks.
 */
@Component
class Notifier {

  private final JdbcTemplate jdbc;
  private final Inbox inbox;
  private final Clock clock;
  private final Optional<EmailChannel> email;
  private final MessageSource messages;
  private final Webhooks webhooks;
  private final Preferences preferences;

  Notifier(
      JdbcTemplate jdbc,
      Inbox inbox,
      Clock clock,
      Optional<EmailChannel> email,
      MessageSource messages,
      Webhooks webhooks,
      Preferences preferences) {
    this.preferences = preferences;
    this.messages = messages;
    this.webhooks = webhooks;
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
    this.email = email;
  }

  /** Records the event as handled; false if it already was. */
  boolean firstTime(IncomingEvent event) {
    return jdbc.update(
            "INSERT INTO ns_processed_event (source, id, type, processed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            event.source(),
            event.id(),
            event.type(),
            Timestamp.from(clock.instant()))
        > 0;
  }

  /**
   * Queues the event for the webhooks of its country team and of the agencies its groups name, in
   * the handler's transaction.
   *
   * @return how many deliveries were queued
   */
  int publish(IncomingEvent event, String countryTeam, Collection<String> groups) {
    return webhooks.enqueue(
        new WebhookEvent(
            event.source(),
            event.id(),
            event.type(),
            event.subject(),
            event.time(),
            event.data(),
            countryTeam,
            groups));
  }

  /**
   * Tells each person once, skipping whoever caused the event and whoever does not belong to the
   * event's country team (as the directory knows them now): the one check every in-app notification
   * and e-mail passes.
   *
   * @return how many were told
   */
  int tell(
      String countryTeam,
      Collection<Person> people,
      String actor,
      IncomingEvent event,
      Message message) {
    return tellEach(
        people.stream().filter(person -> person.countryTeams().contains(countryTeam)).toList(),
        actor,
        event,
        message);
  }

  /**
   * Tells each person once, whatever country teams they are in, skipping whoever caused the event:
   * for what concerns the installation rather than a team (an incident, told to platform admins).
   *
   * @return how many were told
   */
  int tellEach(Collection<Person> people, String actor, IncomingEvent event, Message message) {
    Map<String, Person> once = new LinkedHashMap<>();
    people.forEach(person -> once.putIfAbsent(person.username(), person));
    int told = 0;
    for (Person person : once.values()) {
      if (person.username().equals(actor)) {
        continue; // nobody is told of what they did themselves
      }
      DeliveryPlan plan = preferences.plan(person, message.kind());
      if (plan.nothing()) {
        continue; // they chose to hear of this kind on no channel
      }
      Locale locale = Locale.forLanguageTag(person.locale() == null ? "en" : person.locale());
      Wording wording =
          Wording.of(message.key(), message.titleArguments(), message.bodyArguments());
      String title = wording.title(messages, locale, plan.zone());
      String body = wording.body(messages, locale, plan.zone());
      Optional<UUID> delivered =
          inbox.deliver(
              person.username(),
              new Inbox.NewNotification(
                  message.kind(),
                  title,
                  body,
                  message.reviewId(),
                  message.taskId(),
                  event.source(),
                  event.id(),
                  event.time(),
                  plan.inApp()));
      if (delivered.isPresent()) {
        told++;
        if (email.isPresent() && person.email() != null && plan.email()) {
          email
              .get()
              .enqueue(
                  new Outgoing(
                      delivered.get(),
                      person.username(),
                      person.email(),
                      person.locale(),
                      title,
                      body,
                      wording,
                      message.taskId(),
                      message.reviewId(),
                      plan.emailAt(),
                      plan.digest(),
                      message.watchedTasks(),
                      message.mustHold()));
        }
      }
    }
    return told;
  }

  /**
   * What a notification says, as message keys and their arguments: each person reads it in their
   * own language ({@code messages*.properties}; English where theirs is missing) and time zone (an
   * {@link java.time.Instant} argument; a task's name by {@link Wording#taskName}). A reminder
   * names the tasks it watches: should none still be open (and, with {@code mustHold}, held by the
   * recipient or nobody) when its e-mail finally goes, the e-mail is dropped.
   */
  record Message(
      String kind,
      String key,
      Object[] titleArguments,
      Object[] bodyArguments,
      UUID reviewId,
      String taskId,
      List<String> watchedTasks,
      boolean mustHold) {

    Message(
        String kind,
        String key,
        Object[] titleArguments,
        Object[] bodyArguments,
        UUID reviewId,
        String taskId) {
      this(kind, key, titleArguments, bodyArguments, reviewId, taskId, List.of(), false);
    }
  }
}
