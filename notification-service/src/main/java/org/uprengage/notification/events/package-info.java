/**
 * Reading the workflow engine's events from Kafka: CloudEvents in binary mode, read with this
 * service's own records (no shared library), idempotently, with poison records parked on a
 * dead-letter topic with their reason.
 */
package org.uprengage.notification.events;
