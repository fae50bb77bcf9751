package org.uprengage.engine.task;

/** The task event types, as CloudEvents {@code type} values; topic {@code upr.tasks.v1}. */
public final class TaskEvents {

  public static final String CREATED = "org.uprengage.task.created.v1";
  public static final String CLAIMED = "org.uprengage.task.claimed.v1";
  public static final String ASSIGNED = "org.uprengage.task.assigned.v1";
  public static final String UNCLAIMED = "org.uprengage.task.unclaimed.v1";
  public static final String COMPLETED = "org.uprengage.task.completed.v1";
  public static final String CANCELLED = "org.uprengage.task.cancelled.v1";

  private TaskEvents() {}
}
