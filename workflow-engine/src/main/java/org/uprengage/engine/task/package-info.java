/**
 * The kernel of people's work on user tasks: who sees, claims, assigns, delegates and completes
 * which task, and the task events raised through the outbox whenever a task changes, by any path.
 * Features bring the forms of their own tasks ({@link org.uprengage.engine.task.TaskForm}, read
 * with {@link org.uprengage.engine.task.FormInput}) and work through {@link
 * org.uprengage.engine.task.TaskWork}; the controllers, comments, attachments and engine listeners
 * stay inside.
 */
package org.uprengage.engine.task;
