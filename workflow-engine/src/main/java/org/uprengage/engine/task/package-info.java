/**
 * People's work on user tasks: what a person may see, claim, unclaim and complete, the inputs each
 * task takes, and the task events raised through the outbox whenever a task changes, by any path.
 * The entry point is {@link org.uprengage.engine.task.TaskWork}.
 */
package org.uprengage.engine.task;
