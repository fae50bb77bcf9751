/**
 * The kernel of people's work on user tasks: who sees, claims, assigns, delegates and completes
 * which task, and the task events ({@code TaskCreated}, {@code TaskClaimed}, ...) raised through
 * the outbox whenever a task changes, by any path. Features work through {@link
 * org.uprengage.engine.task.TaskWork} and bring their own task forms ({@link
 * org.uprengage.engine.task.TaskForm} read with {@link org.uprengage.engine.task.FormInput}, or a
 * {@link org.uprengage.engine.task.DateAndReferenceForm}) and user-task listeners ({@link
 * org.uprengage.engine.task.UserTaskListenerPlugin}); the controllers, comments, attachments and
 * the event recorder stay inside.
 */
package org.uprengage.engine.task;
