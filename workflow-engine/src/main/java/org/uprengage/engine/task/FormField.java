package org.uprengage.engine.task;

import java.util.List;

/**
 * One input a task takes on completion.
 *
 * @param type {@code string}, {@code string-list}, {@code choice}, {@code date} or {@code integer}
 * @param options the allowed values, where the field takes only those
 */
public record FormField(
    String name,
    String type,
    boolean required,
    String description,
    Integer maxLength,
    List<String> options) {}
