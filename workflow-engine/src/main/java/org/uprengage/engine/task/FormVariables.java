package org.uprengage.engine.task;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Reads the process variables a task's form names, as {@code TaskService.getVariables} would, but
 * reads a JSON list of plain values (the agencies of a review, {@code java.util.ArrayList<
 * java.lang.String>}) itself. Spin first asks the class loader for a class of that name, which
 * exists under no name with {@code <}: each such miss searched every jar nested in the engine's
 * jar, on every completion of a drafting task (3% of the engine's CPU samples in the side-by-side
 * benchmark, {@code JarFileUrlKey} on top). Every other object value is deserialized by the engine,
 * as before, with its type checks.
 */
final class FormVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JDK collection or map of JDK values: read without looking any class up by that name. */
  private static final Pattern PLAIN_COLLECTION =
      Pattern.compile("java\\.util\\.\\w+<java\\.lang\\.\\w+(,java\\.lang\\.\\w+)?>");

  private FormVariables() {}

  static Map<String, Object> read(TaskService tasks, String taskId, Set<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    VariableMap serialized = tasks.getVariablesTyped(taskId, names, false);
    Map<String, Object> values = new HashMap<>();
    Set<String> forTheEngine = new HashSet<>();
    for (String name : serialized.keySet()) {
      TypedValue value = serialized.getValueTyped(name);
      if (value instanceof ObjectValue object && !object.isDeserialized()) {
        if (isPlainJsonCollection(object)) {
          values.put(name, plainCollection(object));
        } else {
          forTheEngine.add(name);
        }
      } else {
        values.put(name, value.getValue());
      }
    }
    if (!forTheEngine.isEmpty()) {
      values.putAll(tasks.getVariables(taskId, forTheEngine));
    }
    return values;
  }

  private static boolean isPlainJsonCollection(ObjectValue object) {
    return "application/json".equals(object.getSerializationDataFormat())
        && object.getObjectTypeName() != null
        && PLAIN_COLLECTION.matcher(object.getObjectTypeName()).matches();
  }

  private static Object plainCollection(ObjectValue object) {
    try {
      JavaType type = JSON.getTypeFactory().constructFromCanonical(object.getObjectTypeName());
      return JSON.readValue(object.getValueSerialized(), type);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Variable of type " + object.getObjectTypeName() + " is not readable JSON", e);
    }
  }
}
