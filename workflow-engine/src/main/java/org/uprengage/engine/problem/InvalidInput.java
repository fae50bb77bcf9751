package org.uprengage.engine.problem;

import java.util.List;

/** The input is not what the operation takes; every field at fault is named with what is wrong. */
public final class InvalidInput extends DomainProblem {

  private final transient List<FieldError> errors;

  public InvalidInput(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidInput(List<FieldError> errors) {
    super(
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
