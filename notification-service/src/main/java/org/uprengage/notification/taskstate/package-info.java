/**
 * What this service knows of each task (open or done, holder, groups, due time), learnt from the
 * task and deadline events it consumes. The entry point is {@link
 * org.uprengage.notification.taskstate.TaskStates}.
 */
package org.uprengage.notification.taskstate;
