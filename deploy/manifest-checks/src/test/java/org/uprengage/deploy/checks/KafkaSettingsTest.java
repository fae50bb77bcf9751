package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The services' Kafka settings (security protocol, SASL, TLS trust and key stores, the topics'
 * replication factor) as Spring Boot binds them from each service's application.yml and the
 * environment, handed to a real Kafka client: plain by default, SASL/SCRAM over TLS when the
 * production settings are given.
 */
class KafkaSettingsTest {

  static final List<String> KAFKA_SERVICES = List.of("workflow-engine", "notification-service");

  @Test
  void byDefaultTheClientsSpeakPlainKafkaAndKafkaTakesTheSettings() {
    for (String service : KAFKA_SERVICES) {
      Map<String, Object> producer = kafka(service, Map.of()).buildProducerProperties(null);
      assertThat(producer).as(service).containsEntry("security.protocol", "PLAINTEXT");
      assertThat(producer.keySet())
          .as("%s sets no store password by default (Kafka refuses one without a store)", service)
          .noneMatch(key -> key.contains("password") || key.endsWith(".location"));
      accepted(producer);
    }
  }

  @Test
  void theProductionSettingsGiveSaslScramOverTlsToEveryClient() {
    String jaas =
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"upr\""
            + " password=\"not-a-real-one\";";
    Map<String, String> environment =
        Map.of(
            "UPR_KAFKA_BOOTSTRAP", "127.0.0.1:1",
            "UPR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "UPR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "UPR_KAFKA_SASL_JAAS_CONFIG", jaas,
            "UPR_KAFKA_TRUSTSTORE_TYPE", "PEM",
            "UPR_KAFKA_TRUSTSTORE_LOCATION", "file:" + ProjectFiles.resource("kafka/test-ca.crt"));
    for (String service : KAFKA_SERVICES) {
      KafkaProperties kafka = kafka(service, environment);
      for (Map<String, Object> client :
          List.of(
              kafka.buildProducerProperties(null),
              kafka.buildConsumerProperties(null),
              kafka.buildAdminProperties(null))) {
        assertThat(client)
            .as(service)
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config", jaas)
            .containsEntry("ssl.truststore.type", "PEM")
            .containsEntry(
                "ssl.truststore.location", ProjectFiles.resource("kafka/test-ca.crt").toString());
        assertThat(client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG).toString())
            .contains("127.0.0.1:1");
      }
      accepted(kafka.buildProducerProperties(null));
    }
  }

  @Test
  void theEnginesTopicsTakeTheirReplicationFactorFromTheEnvironment() {
    assertThat(
            binder("workflow-engine", Map.of())
                .bind("upr.events.topics.replication-factor", Short.class)
                .get())
        .isEqualTo((short) 1);
    assertThat(
            binder("workflow-engine", Map.of("UPR_TOPIC_REPLICATION_FACTOR", "3"))
                .bind("upr.events.topics.replication-factor", Short.class)
                .get())
        .isEqualTo((short) 3);
  }

  /** A real producer takes the settings (it is built, then closed before it sends anything). */
  private static void accepted(Map<String, Object> settings) {
    Map<String, Object> producer = new HashMap<>(settings);
    producer.put("bootstrap.servers", "127.0.0.1:1");
    producer.put("max.block.ms", 1);
    try (KafkaProducer<String, String> client =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      assertThat(client.metrics()).isNotEmpty();
    }
  }

  private static KafkaProperties kafka(String service, Map<String, String> environment) {
    return binder(service, environment).bind("spring.kafka", KafkaProperties.class).get();
  }

  /** Spring Boot's binder over the service's application.yml and the given environment only. */
  private static Binder binder(String service, Map<String, String> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    spring
        .getPropertySources()
        .addFirst(new MapPropertySource("environment", Map.copyOf(environment)));
    try {
      new YamlPropertySourceLoader()
          .load(
              "application.yml",
              new FileSystemResource(
                  ProjectFiles.path(service + "/src/main/resources/application.yml")))
          .forEach(spring.getPropertySources()::addLast);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Binder.get(spring);
  }
}
