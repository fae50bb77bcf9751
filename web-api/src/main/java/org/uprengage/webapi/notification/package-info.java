/**
 * The caller's in-app notifications, notification preferences, follows, webhook subscriptions and
 * calendar feeds, relayed from notification-service (the public calendar feeds too).
 */
package org.uprengage.webapi.notification;
