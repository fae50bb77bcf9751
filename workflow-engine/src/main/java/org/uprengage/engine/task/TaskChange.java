package org.uprengage.engine.task;

import org.camunda.bpm.engine.task.Task;
import org.uprengage.engine.review.Review;

/** A task the caller is about to change, with the review it belongs to. */
public record TaskChange(Task task, Review review) {}
