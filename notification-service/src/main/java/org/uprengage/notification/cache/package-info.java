/**
 * Copies in memory of small tables that every event would otherwise read, each kept current by a
 * generation counter that a trigger bumps on every change ({@code ns_table_generation}) and that is
 * read once per transaction. The entry point is {@link
 * org.uprengage.notification.cache.TableSnapshot}.
 */
package org.uprengage.notification.cache;
