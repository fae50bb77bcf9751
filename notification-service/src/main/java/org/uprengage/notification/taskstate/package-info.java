/**
 * What this service knows of each task (open or done, holder, groups, due time) and of each review
 * (its country team), learnt from the events it consumes. The entry points are {@link
 * org.uprengage.notification.taskstate.TaskStates} and {@link
 * org.uprengage.notification.taskstate.ReviewTeams}.
 */
package org.uprengage.notification.taskstate;
