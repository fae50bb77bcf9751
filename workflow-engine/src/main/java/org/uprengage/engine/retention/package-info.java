/**
 * How long the engine keeps what only grows: published events in the outbox and the process
 * engine's history, each a setting with a default ({@code upr.retention.*}). The outbox is cleaned
 * by a scheduled job of its own; Camunda's history by Camunda's history cleanup, in its window,
 * with the time to live set here per model.
 */
package org.uprengage.engine.retention;
