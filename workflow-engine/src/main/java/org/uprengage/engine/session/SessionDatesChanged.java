package org.uprengage.engine.session;

/** A session's dates changed (published in the transaction that changed them). */
public record SessionDatesChanged(int session, String changedBy) {}
