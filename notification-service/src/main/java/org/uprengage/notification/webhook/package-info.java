/**
 * Signed webhooks: country teams and agencies register URLs for the event kinds they want; each
 * event is queued once per subscription with its processing and posted (signed as Standard Webhooks
 * says, retried with backoff, subscriptions disabled after repeated failure). The entry point is
 * {@link org.uprengage.notification.webhook.Webhooks}.
 */
package org.uprengage.notification.webhook;
