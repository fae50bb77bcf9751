package org.uprengage.engine.task;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Adds {@link TaskEventRecorder} to every user task the engine parses. */
@Component
class TaskEventsPlugin extends UserTaskListenerPlugin {

  TaskEventsPlugin(TaskEventRecorder recorder) {
    super(
        recorder,
        List.of(
            TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE));
  }
}
