package org.uprengage.notification.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.taskstate.TaskStates;
import org.uprengage.notification.wording.Wording;

/**
 * Gathers each person's e-mails held for the daily digest, once their digest time has come, into
 * one e-mail in their language, queued for {@link EmailChannel} to send. Reminders whose task has
 * since been done or handed to someone else are left out. The language and time zone are the
 * person's as the digest is sent: each item is rendered again from its wording (items held before
 * wordings were kept keep their text).
 */
@Component
@ConditionalOnProperty(name = "upr.channels.email.enabled", havingValue = "true")
class DigestSender {

  private static final String SUBJECT_PREFIX = "[UPR Engage] ";
  private static final String SIGNATURE = "\n\n-- \nUPR Engage";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TaskStates tasks;
  private final MessageSource messages;
  private final People people;
  private final Preferences preferences;
  private final String linkBase;

  DigestSender(
      JdbcTemplate jdbc,
      Clock clock,
      TaskStates tasks,
      MessageSource messages,
      People people,
      Preferences preferences,
      @Value("${upr.links.base-url}") String linkBase) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tasks = tasks;
    this.messages = messages;
    this.people = people;
    this.preferences = preferences;
    this.linkBase = linkBase;
  }

  @Scheduled(fixedDelayString = "${upr.channels.email.interval:1s}")
  @Transactional
  public void gatherDue() {
    Timestamp now = Timestamp.from(clock.instant());
    List<String> people =
        jdbc.queryForList(
            "SELECT DISTINCT username FROM ns_email WHERE status = 'held' AND next_attempt_at <= ? ORDER BY username LIMIT 50",
            String.class,
            now);
    people.forEach(username -> gather(username, now));
  }

  private void gather(String username, Timestamp now) {
    List<Held> held =
        jdbc.query(
            """
            SELECT e.id, e.recipient, e.subject, e.text_body, e.locale, e.watched_tasks, e.must_hold, e.wording, n.task_id, n.review_id
            FROM ns_email e LEFT JOIN ns_notification n ON n.id = e.notification_id
            WHERE e.status = 'held' AND e.username = ? AND e.next_attempt_at <= ?
            ORDER BY e.next_attempt_at, e.id FOR UPDATE OF e SKIP LOCKED
            """,
            (rs, i) ->
                new Held(
                    rs.getObject("id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("locale"),
                    List.of((String[]) rs.getArray("watched_tasks").getArray()),
                    rs.getBoolean("must_hold"),
                    rs.getString("wording") == null
                        ? null
                        : Wording.fromJson(rs.getString("wording")),
                    rs.getString("task_id"),
                    rs.getObject("review_id", UUID.class)),
            username,
            now);
    List<Held> items = new ArrayList<>();
    for (Held item : held) {
      if (tasks.stillConcerns(item.watchedTasks(), username, item.mustHold())) {
        items.add(item);
      } else {
        jdbc.update("UPDATE ns_email SET status = 'dropped' WHERE id = ?", item.id());
      }
    }
    if (items.isEmpty()) {
      return;
    }
    Held last = items.get(items.size() - 1);
    // the language and zone the person has now: they may have changed them since an item was held
    String language =
        people.named(username).stream().findFirst().map(Person::locale).orElse(last.locale());
    Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
    ZoneId zone = ZoneId.of(preferences.of(username).timeZone());
    String subject =
        SUBJECT_PREFIX + messages.getMessage("digest.subject", new Object[] {items.size()}, locale);
    String intro = messages.getMessage("digest.intro", new Object[] {items.size()}, locale);
    StringBuilder text = new StringBuilder(intro).append("\n\n");
    StringBuilder html =
        new StringBuilder("<p>").append(HtmlUtils.htmlEscape(intro)).append("</p><ul>");
    for (Held item : items) {
      String title =
          item.wording() == null
              ? item.subject().replace(SUBJECT_PREFIX, "")
              : item.wording().title(messages, locale, zone);
      String body =
          item.wording() == null
              ? item.text().replace(SIGNATURE, "")
              : item.wording().body(messages, locale, zone)
                  + "\n\n"
                  + EmailChannel.link(linkBase, item.taskId(), item.reviewId());
      text.append("* ")
          .append(title)
          .append("\n  ")
          .append(body.replace("\n\n", "\n  "))
          .append("\n\n");
      html.append("<li><strong>")
          .append(HtmlUtils.htmlEscape(title))
          .append("</strong><br>")
          .append(HtmlUtils.htmlEscape(body).replace("\n\n", "<br>"))
          .append("</li>");
    }
    text.append("-- \nUPR Engage");
    html.append("</ul><p style=\"color:#666\">UPR Engage</p>");
    UUID digest = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_email (id, recipient, subject, text_body, html_body, next_attempt_at, status, username, locale) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        digest,
        last.recipient(),
        subject,
        text.toString(),
        html.toString(),
        now,
        username,
        language);
    for (Held item : items) {
      jdbc.update(
          "UPDATE ns_email SET status = 'digested', digest_id = ? WHERE id = ?", digest, item.id());
    }
  }

  private record Held(
      UUID id,
      String recipient,
      String subject,
      String text,
      String locale,
      List<String> watchedTasks,
      boolean mustHold,
      Wording wording,
      String taskId,
      UUID reviewId) {}
}
