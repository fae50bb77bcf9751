package org.uprengage.engine.outbox;

/** The engine's topics, by what travels on them; {@link EventTopics} names each. */
public enum EventTopic {
  /** Task events: a task created, claimed, assigned, unclaimed, completed or cancelled. */
  TASKS,
  /** Review events: started, stages entered, the submission's decisions, the outcome recorded. */
  REVIEWS,
  /** Deadline events: approaching, missed, changed. */
  DEADLINES,
  /** Directory events: a person's entry added or changed, keyed by user name. */
  PEOPLE
}
