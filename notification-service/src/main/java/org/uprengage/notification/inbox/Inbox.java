package org.uprengage.notification.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each person's in-app notifications. Each notification made is counted, once committed, as {@code
 * upr.notifications} tagged {@code outcome}: delivered, or duplicate (the event had already made
 * it).
 */
@Service
public class Inbox {

  public static final int MAX_PAGE_SIZE = 100;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final LiveInbox live;
  private final Counter delivered;
  private final Counter duplicates;

  Inbox(JdbcTemplate jdbc, Clock clock, LiveInbox live, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.live = live;
    this.delivered = notifications(meters, "delivered");
    this.duplicates = notifications(meters, "duplicate");
  }

  private static Counter notifications(MeterRegistry meters, String outcome) {
    return Counter.builder("upr.notifications")
        .description("Notifications made for a person, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * Puts a notification in the recipient's inbox unless this event already put one there.
   *
   * @return the notification's id, or empty when this event already put one there
   */
  public Optional<UUID> deliver(String recipient, NewNotification notification) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    int added =
        jdbc.update(
            """
            INSERT INTO ns_notification (id, recipient, kind, title, body, review_id, task_id, event_source, event_id, occurred_at, created_at, in_app)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (recipient, event_source, event_id) DO NOTHING
            """,
            id,
            recipient,
            notification.kind(),
            notification.title(),
            notification.body(),
            notification.reviewId(),
            notification.taskId(),
            notification.eventSource(),
            notification.eventId(),
            notification.occurredAt() == null ? null : Timestamp.from(notification.occurredAt()),
            Timestamp.from(now),
            notification.inApp());
    if (added == 0) {
      afterCommit(duplicates::increment);
      return Optional.empty();
    }
    afterCommit(delivered::increment);
    if (notification.inApp()) {
      pushAfterCommit(
          recipient,
          new Notification(
              id,
              notification.kind(),
              notification.title(),
              notification.body(),
              notification.reviewId(),
              notification.taskId(),
              notification.occurredAt(),
              now,
              null));
    }
    return Optional.of(id);
  }

  /** Live streams hear of a notification once it is committed, never of a rolled-back one. */
  private void pushAfterCommit(String recipient, Notification notification) {
    afterCommit(() -> live.push(recipient, notification));
  }

  /** Runs {@code action} once the current transaction committed, or now outside of one. */
  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  @Transactional(readOnly = true)
  public NotificationPage of(String recipient, int page, int size) {
    List<Notification> items =
        jdbc.query(
            "SELECT * FROM ns_notification WHERE recipient = ? AND in_app ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT ? OFFSET ?",
            Inbox::row,
            recipient,
            size,
            (long) page * size);
    Long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_notification WHERE recipient = ? AND in_app",
            Long.class,
            recipient);
    Long unread =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_notification WHERE recipient = ? AND in_app AND read_at IS NULL",
            Long.class,
            recipient);
    return new NotificationPage(
        items, page, size, total == null ? 0 : total, unread == null ? 0 : unread);
  }

  /** Marks all of the recipient's notifications read; returns how many were unread. */
  @Transactional
  public int markAllRead(String recipient) {
    return jdbc.update(
        "UPDATE ns_notification SET read_at = ? WHERE recipient = ? AND in_app AND read_at IS NULL",
        Timestamp.from(clock.instant()),
        recipient);
  }

  /** Marks the recipient's notification read; empty if they have no such notification. */
  @Transactional
  public Optional<Notification> markRead(String recipient, UUID id) {
    jdbc.update(
        "UPDATE ns_notification SET read_at = ? WHERE id = ? AND recipient = ? AND in_app AND read_at IS NULL",
        Timestamp.from(clock.instant()),
        id,
        recipient);
    return jdbc
        .query(
            "SELECT * FROM ns_notification WHERE id = ? AND recipient = ? AND in_app",
            Inbox::row,
            id,
            recipient)
        .stream()
        .findFirst();
  }

  private static Notification row(ResultSet rs, int i) throws SQLException {
    return new Notification(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("title"),
        rs.getString("body"),
        rs.getObject("review_id", UUID.class),
        rs.getString("task_id"),
        instant(rs.getTimestamp("occurred_at")),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("read_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /**
   * What a notification says and which event caused it; one its recipient chose to get only by
   * e-mail ({@code inApp} false) is kept but stays out of their inbox.
   */
  public record NewNotification(
      String kind,
      String title,
      String body,
      UUID reviewId,
      String taskId,
      String eventSource,
      String eventId,
      Instant occurredAt,
      boolean inApp) {}
}
