package org.uprengage.engine.task;

import java.util.List;

/** One bounded page of tasks and how many there are in all. */
public record TaskPage(List<TaskView> items, int page, int size, long total) {}
