package org.uprengage.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.uprengage.notification.taskstate.TaskStates;

/**
 * Sends notifications by e-mail (plain text and HTML, with a link to the task). Active with {@code
 * upr.channels.email.enabled=true} and Spring Mail's {@code spring.mail.*} settings.
 *
 * <p>Each attempt is counted as {@code upr.emails}, tagged {@code outcome}: sent, retry (failed, to
 * be tried again), failed (given up) or dropped (no longer relevant when its turn came).
 */
@Service
@ConditionalOnProperty(name = "upr.channels.email.enabled", havingValue = "true")
public class EmailChannel {

  private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
  static final int MAX_ATTEMPTS = 8;

  /** How long a claimed batch may take to send: twenty e-mails at the SMTP timeouts, and more. */
  static final Duration CLAIM = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final JavaMailSender mail;
  private final Clock clock;
  private final String from;
  private final String linkBase;
  private final TaskStates tasks;
  private final MeterRegistry meters;

  EmailChannel(
      JdbcTemplate jdbc,
      JavaMailSender mail,
      Clock clock,
      TaskStates tasks,
      @Value("${upr.channels.email.from}") String from,
      @Value("${upr.links.base-url}") String linkBase,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
    List.of("sent", "retry", "failed", "dropped").forEach(this::counter); // shown from the start
    this.mail = mail;
    this.clock = clock;
    this.tasks = tasks;
    this.from = from;
    this.linkBase = linkBase;
  }

  /**
   * Queues the e-mail of a notification, in the notification's transaction: pending until its time,
   * or held for the person's digest.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Outgoing email) {
    String link = link(email.taskId(), email.reviewId());
    String text = email.body() + "\n\n" + link + "\n\n-- \nUPR Engage";
    String html =
        "<p>"
            + HtmlUtils.htmlEscape(email.body())
            + "</p><p><a href=\""
            + HtmlUtils.htmlEscape(link)
            + "\">Open in UPR Engage</a></p>"
            + "<p style=\"color:#666\">UPR Engage</p>";
    jdbc.update(
        """
        INSERT INTO ns_email (id, notification_id, recipient, subject, text_body, html_body, next_attempt_at, status,
                              username, locale, watched_tasks, must_hold, wording)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (notification_id) DO NOTHING
        """,
        UUID.randomUUID(),
        email.notificationId(),
        email.address(),
        "[UPR Engage] " + email.title(),
        text,
        html,
        Timestamp.from(email.sendAt()),
        email.digest() ? "held" : "pending",
        email.username(),
        email.locale(),
        email.watchedTasks().toArray(String[]::new),
        email.mustHold(),
        email.wording() == null ? null : email.wording().toJson());
  }

  String link(String taskId, UUID reviewId) {
    return link(linkBase, taskId, reviewId);
  }

  /**
   * The pages web-api serves: the task's own, else the review's (as the inbox links), else My work.
   */
  static String link(String linkBase, String taskId, UUID reviewId) {
    if (taskId != null) {
      return linkBase + "/tasks/" + taskId;
    }
    return reviewId == null ? linkBase + "/" : linkBase + "/reviews/" + reviewId;
  }

  /**
   * Sends the e-mails that are due; a failure is retried later, up to {@value #MAX_ATTEMPTS} times.
   * They are claimed in one short statement (for {@link #CLAIM}, should this process die), sent
   * outside any transaction, and each outcome recorded in a statement of its own: a slow SMTP
   * server holds no row lock and no database connection.
   */
  @Scheduled(fixedDelayString = "${upr.channels.email.interval:1s}")
  public void sendDue() {
    Instant now = clock.instant();
    List<Pending> due =
        jdbc.query(
            """
            UPDATE ns_email SET claimed_until = ? WHERE id IN (
                SELECT id FROM ns_email WHERE status = 'pending' AND next_attempt_at <= ?
                  AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, text_body, html_body, attempts, username, watched_tasks, must_hold
            """,
            (rs, i) ->
                new Pending(
                    rs.getObject("id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("html_body"),
                    rs.getInt("attempts"),
                    rs.getString("username"),
                    List.of((String[]) rs.getArray("watched_tasks").getArray()),
                    rs.getBoolean("must_hold")),
            Timestamp.from(now.plus(CLAIM)),
            Timestamp.from(now),
            Timestamp.from(now));
    for (Pending email : due) {
      if (!tasks.stillConcerns(email.watchedTasks(), email.username(), email.mustHold())) {
        jdbc.update(
            "UPDATE ns_email SET status = 'dropped', claimed_until = NULL WHERE id = ?",
            email.id());
        count("dropped");
        continue; // a reminder of work done, or handed to someone else, while it waited
      }
      try {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(email.recipient());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        mail.send(message);
        jdbc.update(
            "UPDATE ns_email SET status = 'sent', attempts = attempts + 1, sent_at = ?, claimed_until = NULL WHERE id = ?",
            Timestamp.from(clock.instant()),
            email.id());
        count("sent");
      } catch (MailException | MessagingException e) {
        int attempts = email.attempts() + 1;
        boolean givingUp = attempts >= MAX_ATTEMPTS;
        Instant next = clock.instant().plus(backoff(attempts));
        jdbc.update(
            "UPDATE ns_email SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ?",
            givingUp ? "failed" : "pending",
            attempts,
            e.getMessage(),
            Timestamp.from(next),
            email.id());
        count(givingUp ? "failed" : "retry");
        // The SMTP server's message may quote addresses: it stays in ns_email.last_error, not in
        // logs.
        log.warn(
            "E-mail {} not sent (attempt {}{}): {}",
            email.id(),
            attempts,
            givingUp ? ", giving up" : "",
            e.getClass().getSimpleName());
      }
    }
  }

  /** 30 s, 1 min, 2 min ... at most an hour. */
  static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 7)));
  }

  private record Pending(
      UUID id,
      String recipient,
      String subject,
      String text,
      String html,
      int attempts,
      String username,
      List<String> watchedTasks,
      boolean mustHold) {}

  private void count(String outcome) {
    counter(outcome).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder("upr.emails")
        .description("E-mail sending attempts, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }
}
