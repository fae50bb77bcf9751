package org.uprengage.bench.peer;

/** The names of the peer's process, {@code pair-loop.bpmn}, as the client and the test use them. */
public final class PairProcess {

  /** The process key. */
  public static final String KEY = "pair-loop";

  public static final String TASK_FIRST = "UserTask_First";
  public static final String TASK_SECOND = "UserTask_Second";

  /** The candidate group of both tasks, set when an instance starts. */
  public static final String VAR_GROUP = "group";

  private PairProcess() {}
}
