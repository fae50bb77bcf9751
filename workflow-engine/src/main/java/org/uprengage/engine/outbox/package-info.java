/**
 * The transactional outbox: features append their event records in the transaction that changed the
 * engine state, and the outbox alone writes them; a relay publishes them to Kafka as CloudEvents
 * after commit, in order, keyed by review. Nothing is published for a rolled-back transaction and
 * nothing committed is lost.
 */
package org.uprengage.engine.outbox;
