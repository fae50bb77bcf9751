package org.uprengage.webapi.page.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the person typed into a task's form: kept as typed (to show again after an error), and read
 * into the JSON inputs the task takes, each by its field's type.
 */
final class FormValues {

  private final Map<String, List<String>> typed = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  FormValues(List<TaskView.FieldView> form, MultiValueMap<String, String> params) {
    for (TaskView.FieldView field : form) {
      List<String> values = params.get("field." + field.name());
      typed.put(field.name(), values == null ? List.of() : List.copyOf(values));
    }
  }

  static FormValues empty(List<TaskView.FieldView> form) {
    return new FormValues(form, new LinkedMultiValueMap<>());
  }

  /** The inputs for the engine; a value that is not of its field's type is noted as an error. */
  Map<String, Object> inputs(List<TaskView.FieldView> form) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (TaskView.FieldView field : form) {
      List<String> values = typed.get(field.name());
      String first = values.isEmpty() ? "" : values.get(0).strip();
      switch (field.type()) {
        case "string-list" -> {
          List<String> items = new ArrayList<>();
          for (String value : values) {
            Arrays.stream(value.split("\\R"))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .forEach(items::add);
          }
          if (!items.isEmpty()) {
            inputs.put(field.name(), items);
          }
        }
        case "integer" -> {
          if (!first.isEmpty()) {
            try {
              inputs.put(field.name(), Integer.parseInt(first));
            } catch (NumberFormatException e) {
              errors.put(field.name(), "must be a whole number");
            }
          }
        }
        default -> {
          if (!first.isEmpty()) {
            inputs.put(field.name(), first);
          }
        }
      }
    }
    return inputs;
  }

  /** The first value typed into a field, as typed. */
  public String value(String field) {
    List<String> values = typed.getOrDefault(field, List.of());
    return values.isEmpty() ? "" : values.get(0);
  }

  /** Whether an option of a list or choice field was picked. */
  public boolean picked(String field, String option) {
    return typed.getOrDefault(field, List.of()).contains(option);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public Map<String, String> errors() {
    return errors;
  }

  void reject(String field, String message) {
    errors.merge(field, message, (a, b) -> a + "; " + b);
  }
}
