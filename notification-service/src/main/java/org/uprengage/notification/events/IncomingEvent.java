package org.uprengage.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from headers, data from the
 * value.
 */
public record IncomingEvent(
    String id, String source, String type, String subject, Instant time, JsonNode data) {

  static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
    String specVersion = header(record, "ce_specversion", false);
    if (!"1.0".equals(specVersion)) {
      throw new PoisonEventException(
          "not a CloudEvents 1.0 record (ce_specversion is " + specVersion + ")");
    }
    String time = header(record, "ce_time", false);
    Instant at;
    try {
      at = time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("ce_time is not an RFC 3339 time: " + time);
    }
    if (record.value() == null) {
      throw new PoisonEventException("the record has no data");
    }
    JsonNode data;
    try {
      data = json.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new PoisonEventException("the data is not JSON: " + e.getOriginalMessage());
    }
    if (!data.isObject()) {
      throw new PoisonEventException("the data is not a JSON object");
    }
    return new IncomingEvent(
        header(record, "ce_id", true),
        header(record, "ce_source", true),
        header(record, "ce_type", true),
        header(record, "ce_subject", false),
        at,
        data);
  }

  /**
   * The event's data as {@code type}, for an event whose type starts with {@code typePrefix}.
   *
   * @throws PoisonEventException for an event of another type, or data against the schema
   */
  <T> T data(String typePrefix, String what, Class<T> type, ObjectMapper json) {
    if (!this.type.startsWith(typePrefix)) {
      throw new PoisonEventException("not a " + what + " event: " + this.type);
    }
    try {
      return json.treeToValue(data, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "the " + what + " event's data does not match its schema: " + e.getMessage());
    }
  }

  private static String header(
      ConsumerRecord<String, String> record, String name, boolean required) {
    Header header = record.headers().lastHeader(name);
    if (header == null || header.value() == null || header.value().length == 0) {
      if (required) {
        throw new PoisonEventException("the CloudEvents header " + name + " is missing");
      }
      return null;
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
