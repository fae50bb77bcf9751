/**
 * Deadlines of a review: its internal milestones, back-scheduled from the session calendar's
 * UN-entity deadline, the due dates of the tasks bound to them, the watches that remind and
 * escalate, and moving all of them when a date changes, with the deadline events this raises. The
 * milestone table and the watches stay inside; the entry point is {@link
 * org.uprengage.engine.deadline.DeadlinePlanner}.
 */
package org.uprengage.engine.deadline;
