package org.uprengage.engine.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;

/** The inputs one kind of user task takes, and what completing it with them does. */
public interface TaskForm {

  /** The BPMN element ids of the user tasks this form serves. */
  Set<String> taskKeys();

  List<FormField> fields();

  /**
   * Validates the input, does what the task's completion records beyond the process (in the
   * caller's transaction) and returns the process variables to complete with.
   *
   * @throws InvalidInput naming the field at fault
   */
  Map<String, Object> submit(Caller caller, TaskContext task, FormInput input);

  /**
   * The names of the process variables that {@link #submit} and {@link #words} read from the task's
   * context: the engine reads only these (none for a form that reads none).
   */
  default Set<String> variables() {
    return Set.of();
  }

  /**
   * The names of the process variables that {@link #submit} reads, among {@link #variables()}: a
   * completion reads only these (all of them unless a form says fewer).
   */
  default Set<String> submitVariables() {
    return variables();
  }

  /**
   * The words of the texts the task works on, shown on its detail view; null for a task that works
   * on no text with a word limit.
   */
  default TaskWords words(TaskContext task) {
    return null;
  }

  /**
   * The recommendations the task works on, shown on its detail view (an implementation round's
   * tasks list the agency's); null for a task that works on none.
   */
  default List<TaskRecommendation> recommendations(TaskContext task) {
    return null;
  }

  /**
   * How many of the previous review's recommendations not yet implemented each agency leads on,
   * shown on the detail view of a task that plans with them; null for any other task.
   */
  default PreviousRecommendationCounts previousRecommendations(TaskContext task) {
    return null;
  }

  /**
   * The task being completed: its review, its BPMN element id and the variables it sees, of those
   * the form names in {@link #variables()}.
   */
  record TaskContext(UUID reviewId, String taskKey, Map<String, Object> variables) {}
}
