package org.uprengage.deploy.checks;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads YAML and JSON into typed models and refuses any field the model does not know. The
 * Kubernetes and Keycloak models keep unknown fields in an "additional properties" map (a Jackson
 * any-setter); here that door is shut, so a misspelt field is an error that names it.
 */
final class StrictYaml {

  static final ObjectMapper MAPPER =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(new SimpleModule().setDeserializerModifier(new NoAdditionalProperties()))
          .build();

  private StrictYaml() {}

  /** Every document of a (multi-document) YAML text. */
  static List<JsonNode> documents(String yaml) {
    try {
      return MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
          .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node as an instance of the type, or an exception naming the field at fault. */
  static <T> T convert(JsonNode node, Class<T> type) throws StrictYamlException {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw new StrictYamlException(
          field(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new StrictYamlException(e.getMessage());
    }
  }

  /** The field a mapping error is about, as a path: spec.template.spec.containers[0].image. */
  static String field(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  /** A document that does not fit its model, with the field at fault. */
  static final class StrictYamlException extends Exception {
    StrictYamlException(String message) {
      super(message);
    }
  }

  /** Drops the any-setter of the models' classes, so unknown fields fail. */
  private static final class NoAdditionalProperties extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config,
        BeanDescription description,
        BeanDeserializerBuilder builder) {
      String type = description.getBeanClass().getName();
      if (type.startsWith("io.fabric8.") || type.startsWith("org.keycloak.")) {
        builder.setAnySetter(null);
      }
      return builder;
    }
  }
}
