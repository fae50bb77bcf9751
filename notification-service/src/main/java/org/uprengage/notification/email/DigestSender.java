package org.uprengage.notification.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.uprengage.notification.taskstate.TaskStates;

/**
 * Gathers each person's e-mails held for the daily digest, once their digest time has come, into
 * one e-mail in their language, queued for {@link EmailChannel} to send. Reminders whose task has
 * since been done or handed to someone else are left out.
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

  DigestSender(JdbcTemplate jdbc, Clock clock, TaskStates tasks, MessageSource messages) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tasks = tasks;
    this.messages = messages;
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
            "SELECT id, recipient, subject, text_body, locale, watched_tasks, must_hold FROM ns_email WHERE status = 'held' AND username = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id FOR UPDATE SKIP LOCKED",
            (rs, i) ->
                new Held(
                    rs.getObject("id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("locale"),
                    List.of((String[]) rs.getArray("watched_tasks").getArray()),
                    rs.getBoolean("must_hold")),
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
    Locale locale = Locale.forLanguageTag(last.locale() == null ? "en" : last.locale());
    String subject =
        SUBJECT_PREFIX + messages.getMessage("digest.subject", new Object[] {items.size()}, locale);
    String intro = messages.getMessage("digest.intro", new Object[] {items.size()}, locale);
    StringBuilder text = new StringBuilder(intro).append("\n\n");
    StringBuilder html =
        new StringBuilder("<p>").append(HtmlUtils.htmlEscape(intro)).append("</p><ul>");
    for (Held item : items) {
      String title = item.subject().replace(SUBJECT_PREFIX, "");
      String body = item.text().replace(SIGNATURE, "");
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
        last.locale());
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
      boolean mustHold) {}
}
