package org.uprengage.engine.task;

import java.util.List;

/**
 * One input a task takes on completion.
 *
 * @param type {@code string}, {@code string-list}, {@code choice}, {@code date}, {@code integer} or
 *     {@code position-list} (objects with a recommendation's {@code paragraph} and its {@code
 *     position})
 * @param options the allowed values, where the field takes only those
 */
public record FormField(
    String name,
    String type,
    boolean required,
    String description,
    Integer maxLength,
    List<String> options) {}
