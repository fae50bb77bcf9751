package org.uprengage.notification.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A notification's title and body as message keys ({@code <key>.title}, {@code <key>.body}) and
 * their arguments: texts, numbers, words to look up ({@link #word}, such as a task's name by its
 * key), moments ({@link Instant}, rendered in the reader's time zone, the zone named) and days
 * ({@link LocalDate}). Kept as JSON where a text is rendered later (an e-mail held for the digest).
 */
public record Wording(String key, List<Object> titleArguments, List<Object> bodyArguments) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public Wording {
    titleArguments = Collections.unmodifiableList(new ArrayList<>(titleArguments));
    bodyArguments = Collections.unmodifiableList(new ArrayList<>(bodyArguments));
  }

  /**
   * A word looked up by {@code code} in the reader's language, {@code otherwise} as it is where
   * there is none (a task's name in the model, say).
   */
  public static MessageSourceResolvable word(String code, String otherwise) {
    return new DefaultMessageSourceResolvable(new String[] {code}, otherwise);
  }

  /** A task's name in the reader's language, by its task definition key, else its model's name. */
  public static Object taskName(String taskKey, String modelName) {
    return taskKey == null || taskKey.isBlank()
        ? modelName
        : word("task.name." + taskKey, modelName);
  }

  /** A wording of arguments given as arrays, as the event handlers build them. */
  public static Wording of(String key, Object[] titleArguments, Object[] bodyArguments) {
    return new Wording(key, Arrays.asList(titleArguments), Arrays.asList(bodyArguments));
  }

  public String title(MessageSource messages, Locale locale, ZoneId zone) {
    return messages.getMessage(
        key + ".title", arguments(titleArguments, messages, locale, zone), locale);
  }

  public String body(MessageSource messages, Locale locale, ZoneId zone) {
    return messages.getMessage(
        key + ".body", arguments(bodyArguments, messages, locale, zone), locale);
  }

  /**
   * A moment as the reader reads it: the day in their language, the time in their zone, and the
   * zone's name ({@code time.at}).
   */
  static String moment(Instant at, MessageSource messages, Locale locale, ZoneId zone) {
    var local = at.atZone(zone);
    return messages.getMessage(
        "time.at",
        new Object[] {day(local.toLocalDate(), locale), HH_MM.format(local), zone.getId()},
        locale);
  }

  static String day(LocalDate day, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
  }

  private static Object[] arguments(
      List<Object> values, MessageSource messages, Locale locale, ZoneId zone) {
    Object[] rendered = new Object[values.size()];
    for (int i = 0; i < rendered.length; i++) {
      Object value = values.get(i);
      if (value instanceof Instant at) {
        rendered[i] = moment(at, messages, locale, zone);
      } else if (value instanceof LocalDate date) {
        rendered[i] = day(date, locale);
      } else {
        rendered[i] = value;
      }
    }
    return rendered;
  }

  /** The wording as JSON, each argument tagged with its kind. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode().put("key", key);
    node.set("title", write(titleArguments));
    node.set("body", write(bodyArguments));
    return node.toString();
  }

  /** The wording {@link #toJson} wrote. */
  public static Wording fromJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return new Wording(
          node.path("key").asText(), read(node.path("title")), read(node.path("body")));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a wording: " + text, e);
    }
  }

  private static ArrayNode write(List<Object> values) {
    ArrayNode array = JSON.createArrayNode();
    for (Object value : values) {
      ObjectNode item = array.addObject();
      if (value == null) {
        item.putNull("text");
      } else if (value instanceof Instant at) {
        item.put("at", at.toString());
      } else if (value instanceof LocalDate day) {
        item.put("day", day.toString());
      } else if (value instanceof Long || value instanceof Integer) {
        item.put("number", ((Number) value).longValue());
      } else if (value instanceof MessageSourceResolvable word) {
        item.put("word", word.getCodes()[0]);
        item.put("otherwise", word.getDefaultMessage());
      } else {
        item.put("text", value.toString());
      }
    }
    return array;
  }

  private static List<Object> read(JsonNode array) {
    List<Object> values = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.has("at")) {
        values.add(Instant.parse(item.get("at").asText()));
      } else if (item.has("day")) {
        values.add(LocalDate.parse(item.get("day").asText()));
      } else if (item.has("number")) {
        values.add(item.get("number").asLong());
      } else if (item.has("word")) {
        values.add(word(item.get("word").asText(), item.path("otherwise").textValue()));
      } else {
        values.add(item.path("text").textValue());
      }
    }
    return values;
  }
}
