package org.uprengage.engine.problem;

/** One field at fault and what is wrong with it. */
public record FieldError(String field, String message) {}
