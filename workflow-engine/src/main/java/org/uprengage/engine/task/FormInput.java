package org.uprengage.engine.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.InvalidInput;

/** The JSON object a person completes a task with, read field by field against the task's form. */
public final class FormInput {

  private final Map<String, Object> values;
  private final List<FieldError> errors = new ArrayList<>();

  FormInput(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** Rejects fields the form does not know. */
  public FormInput onlyFields(List<FormField> fields) {
    Set<String> known = new LinkedHashSet<>();
    fields.forEach(field -> known.add(field.name()));
    values.keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .forEach(name -> reject(name, "is not an input of this task"));
    return this;
  }

  public String string(FormField field) {
    Object value = values.get(field.name());
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (field.required()) {
        reject(field.name(), "is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      reject(field.name(), "must be a string");
      return null;
    }
    if (field.maxLength() != null && s.length() > field.maxLength()) {
      reject(field.name(), "must be at most " + field.maxLength() + " characters");
      return null;
    }
    return s;
  }

  /** A string that must be one of the field's options. */
  public String choice(FormField field) {
    String value = string(field);
    if (value != null && field.options() != null && !field.options().contains(value)) {
      reject(field.name(), "must be one of " + String.join(", ", field.options()));
      return null;
    }
    return value;
  }

  /** An ISO date ({@code 2027-03-31}). */
  public LocalDate date(FormField field) {
    String value = string(field);
    if (value == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (value.length() == 10 && date.getYear() >= 1990 && date.getYear() <= 2200) {
        return date;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    reject(field.name(), "must be a date such as 2027-03-31, between 1990 and 2200");
    return null;
  }

  /**
   * An ISO date of something that has happened: not later than today (a day's grace for time zones
   * ahead of UTC).
   */
  public LocalDate pastDate(FormField field, Clock clock) {
    LocalDate date = date(field);
    if (date != null && date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
      reject(field.name(), "cannot be in the future");
    }
    return date;
  }

  /** A whole number from {@code min} to {@code max}. */
  public Integer integer(FormField field, int min, int max) {
    Object value = values.get(field.name());
    if (value == null) {
      if (field.required()) {
        reject(field.name(), "is required");
      }
      return null;
    }
    if (!(value instanceof Integer number)) {
      reject(field.name(), "must be a whole number");
      return null;
    }
    if (number < min || number > max) {
      reject(field.name(), "must be from " + min + " to " + max);
      return null;
    }
    return number;
  }

  public List<String> strings(FormField field) {
    Object value = values.get(field.name());
    if (value == null || (value instanceof List<?> l && l.isEmpty())) {
      if (field.required()) {
        reject(field.name(), "is required: give at least one value");
      }
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      reject(field.name(), "must be a list of strings");
      return List.of();
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String at = field.name() + "[" + i + "]";
      if (!(item instanceof String s) || s.isBlank()) {
        reject(at, "must be a non-empty string");
      } else if (field.options() != null && !field.options().contains(s)) {
        reject(at, "'" + s + "' is not one of the allowed values");
      } else if (!result.add(s)) {
        reject(at, "'" + s + "' is given twice");
      }
    }
    return List.copyOf(result);
  }

  /**
   * A list of objects whose members are all strings, each of the {@code members} named (absent ones
   * null, others rejected); an absent list is empty.
   */
  public List<Map<String, String>> entries(FormField field, List<String> members) {
    Object value = values.get(field.name());
    if (value == null) {
      if (field.required()) {
        reject(field.name(), "is required");
      }
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      reject(field.name(), "must be a list of objects with " + String.join(", ", members));
      return List.of();
    }
    List<Map<String, String>> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field.name() + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        reject(at, "must be an object with " + String.join(", ", members));
        continue;
      }
      Map<String, String> entry = new LinkedHashMap<>();
      item.forEach(
          (name, member) -> {
            if (!members.contains(String.valueOf(name))) {
              reject(at + "." + name, "is not a member of these objects");
            } else if (member != null && !(member instanceof String)) {
              reject(at + "." + name, "must be a string");
            } else {
              entry.put(String.valueOf(name), (String) member);
            }
          });
      result.add(entry);
    }
    return result;
  }

  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Throws one problem listing every field at fault, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
