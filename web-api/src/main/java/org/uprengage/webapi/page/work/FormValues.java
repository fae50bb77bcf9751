package org.uprengage.webapi.page.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the person typed into a task's form: kept as typed (to show again after an error), and read
 * into the JSON inputs the task takes, each by its field's type and checked against the rules the
 * form description gives (required, at most so many characters) before anything is sent.
 */
final class FormValues {

  /** The words of a message of the pages, in the person's language. */
  @FunctionalInterface
  interface Words {
    String of(String code, Object... arguments);
  }

  private static final Pattern LIST_ITEM = Pattern.compile("(\\w+)\\[(\\d{1,4})\\](?:\\.\\w+)?");

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

  /**
   * The form as it opens, with the values a field starts from (the text a task works on, such as
   * the section sent back for revision); fields not named start empty.
   */
  static FormValues prefilled(List<TaskView.FieldView> form, Map<String, String> values) {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    values.forEach((field, value) -> params.add("field." + field, value));
    return new FormValues(form, params);
  }

  /**
   * The inputs for the engine; a value that is not of its field's type, a required field left empty
   * and a text longer than its field allows are noted as errors, in the person's words.
   */
  Map<String, Object> inputs(List<TaskView.FieldView> form, Words words) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (TaskView.FieldView field : form) {
      List<String> values = typed.get(field.name());
      String first = values.isEmpty() ? "" : values.get(0).strip();
      if (field.required() && values.stream().allMatch(String::isBlank)) {
        errors.put(field.name(), words.of("page.error.required"));
        continue;
      }
      if ("string".equals(field.type())
          && field.maxLength() != null
          && first.length() > field.maxLength()) {
        errors.put(
            field.name(), words.of("page.error.maxLength", field.maxLength(), first.length()));
        continue;
      }
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
        case "position-list" ->
            positions(field.name(), values).ifPresent(list -> inputs.put(field.name(), list));
        case "integer" -> {
          if (!first.isEmpty()) {
            try {
              inputs.put(field.name(), Integer.parseInt(first));
            } catch (NumberFormatException e) {
              errors.put(field.name(), words.of("page.error.wholeNumber"));
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

  /**
   * A list of positions typed one a line, the paragraph number then the position ({@code 121.1
   * supported}), as the engine takes them ({@code [{"paragraph":"121.1","position":"supported"}]});
   * empty where nothing was typed. A line without both is noted as an error with its number.
   */
  private Optional<List<Map<String, String>>> positions(String field, List<String> values) {
    List<Map<String, String>> positions = new ArrayList<>();
    int line = 0;
    for (String value : values) {
      for (String typedLine : value.split("\\R")) {
        String entry = typedLine.strip();
        if (entry.isEmpty()) {
          continue;
        }
        line++;
        String[] parts = entry.split("[\\s,;]+", 2);
        if (parts.length < 2) {
          reject(field, "line " + line + ": write the paragraph number, then the position");
          continue;
        }
        Map<String, String> position = new LinkedHashMap<>(); // the paragraph first, as typed
        position.put("paragraph", parts[0]);
        position.put("position", parts[1].strip());
        positions.add(position);
      }
    }
    return positions.isEmpty() ? Optional.empty() : Optional.of(positions);
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

  /**
   * Notes an error beside its field; one of an item of a list ({@code positions[2].position}) is
   * noted beside the list's field with the item's line ({@code line 3: ...}).
   */
  void reject(String field, String message) {
    Matcher item = LIST_ITEM.matcher(field);
    if (item.matches()) {
      field = item.group(1);
      message = "line " + (Integer.parseInt(item.group(2)) + 1) + ": " + message;
    }
    errors.merge(field, message, (a, b) -> a + "; " + b);
  }
}
