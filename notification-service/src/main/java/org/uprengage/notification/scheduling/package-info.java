/**
 * How the service's scheduled work (e-mails, digests, webhooks, retention, keep-alives) reports
 * what fails in it. Holds no state and knows no feature.
 */
package org.uprengage.notification.scheduling;
