package org.uprengage.engine.deadline;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.uprengage.engine.task.UserTaskListenerPlugin;

/**
 * Adds {@link DeadlineWatchListener} to every user task the engine parses, so each task with a due
 * date, in any model, is watched the same way.
 */
@Component
class DeadlineWatchPlugin extends UserTaskListenerPlugin {

  DeadlineWatchPlugin(DeadlineWatches watches) {
    super(
        new DeadlineWatchListener(watches),
        List.of(
            TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE));
  }
}
