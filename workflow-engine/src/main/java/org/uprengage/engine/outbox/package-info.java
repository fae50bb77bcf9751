/**
 * The transactional outbox: features append events in the transaction that changed the engine
 * state; a relay publishes them to Kafka as CloudEvents after commit, in order, keyed by review.
 * Nothing is published for a rolled-back transaction and nothing committed is lost.
 */
package org.uprengage.engine.outbox;
