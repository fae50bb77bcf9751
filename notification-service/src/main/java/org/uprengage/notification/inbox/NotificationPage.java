package org.uprengage.notification.inbox;

import java.util.List;

/** One bounded page of a person's inbox. */
public record NotificationPage(
    List<Notification> items, int page, int size, long total, long unread) {}
