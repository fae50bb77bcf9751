/**
 * How long this service keeps what only grows: e-mails sent, webhook deliveries finished, ids of
 * processed events, dead letters replayed; each a setting with a default ({@code upr.retention.*}),
 * applied by a scheduled cleanup.
 */
package org.uprengage.notification.retention;
