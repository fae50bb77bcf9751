package org.uprengage.notification.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.uprengage.notification.wording.Wording;

/**
 * One notification to send by e-mail: to whom (address, username, language), what (as rendered now,
 * and as its {@code wording}, which the digest renders again when it is sent), and when: at {@code
 * sendAt}, alone, or with the rest of the person's daily digest due then. A reminder names the
 * tasks it watches ({@code watchedTasks}); it is dropped if, when it is finally sent, none is still
 * open (and, with {@code mustHold}, held by the person or by nobody). Its link opens the task's
 * page, else the review's ({@code reviewId}), else My work.
 */
public record Outgoing(
    UUID notificationId,
    String username,
    String address,
    String locale,
    String title,
    String body,
    Wording wording,
    String taskId,
    UUID reviewId,
    Instant sendAt,
    boolean digest,
    List<String> watchedTasks,
    boolean mustHold) {}
