package org.uprengage.engine.deadline;

/**
 * Names of the {@code upr-deadline-watch} model: the watch of a task as a process of its own, as it
 * was before watches became rows of {@link DeadlineWatches}. Nothing starts it any more; it stays
 * deployed so instances started before are ended by {@link DeadlineWatchMigration}.
 */
public final class DeadlineWatchProcess {

  public static final String PROCESS_KEY = "upr-deadline-watch";

  public static final String VAR_TASK_ID = "taskId";
  public static final String VAR_TASK_NAME = "taskName";
  public static final String VAR_MILESTONE = "milestone";
  public static final String VAR_DUE_DATE = "dueDate";

  private DeadlineWatchProcess() {}
}
