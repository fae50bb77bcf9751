/**
 * The in-app inbox: each person's notifications, unread first. Stores at most one notification per
 * person and event. The entry point is {@link org.uprengage.notification.inbox.Inbox}.
 */
package org.uprengage.notification.inbox;
