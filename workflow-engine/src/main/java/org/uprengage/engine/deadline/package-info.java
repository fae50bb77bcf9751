/**
 * Deadlines of a review: its internal milestones, back-scheduled from the session calendar's
 * UN-entity deadline, the due dates of the tasks bound to them, and moving both when a date
 * changes. The entry point is {@link org.uprengage.engine.deadline.DeadlinePlanner}.
 */
package org.uprengage.engine.deadline;
