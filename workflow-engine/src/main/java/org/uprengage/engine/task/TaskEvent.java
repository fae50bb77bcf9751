package org.uprengage.engine.task;

import java.util.UUID;
import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** What happened to a user task, told with the task as the change left it. */
public sealed interface TaskEvent extends OutboundEvent
    permits TaskCreated, TaskClaimed, TaskAssigned, TaskUnclaimed, TaskCompleted, TaskCancelled {

  TaskSnapshot task();

  @Override
  default EventTopic topic() {
    return EventTopic.TASKS;
  }

  @Override
  default String subject(UUID reviewId) {
    return "reviews/" + reviewId + "/tasks/" + task().taskId();
  }
}
