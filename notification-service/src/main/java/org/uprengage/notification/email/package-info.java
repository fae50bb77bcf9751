/**
 * The e-mail channel: an e-mail per notification for people with an address, queued in the
 * notification's transaction and sent over SMTP by {@link
 * org.uprengage.notification.email.EmailChannel}, retried with backoff.
 */
package org.uprengage.notification.email;
