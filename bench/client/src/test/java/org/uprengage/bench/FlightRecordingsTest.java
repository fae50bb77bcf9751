package org.uprengage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlightRecordingsTest {

  @Test
  void framesFallIntoTheMostSpecificLayer() {
    assertThat(FlightRecordings.layerOf("org.camunda.bpm.engine.rest.impl.TaskRestServiceImpl"))
        .isEqualTo("Camunda engine-rest");
    assertThat(FlightRecordings.layerOf("org.camunda.bpm.engine.impl.TaskQueryImpl"))
        .isEqualTo("Camunda engine");
    assertThat(FlightRecordings.layerOf("org.springframework.web.client.DefaultRestClient"))
        .isEqualTo("Spring HTTP client");
    assertThat(FlightRecordings.layerOf("org.springframework.web.servlet.DispatcherServlet"))
        .isEqualTo("Spring MVC and web");
    assertThat(FlightRecordings.layerOf("com.nimbusds.jwt.SignedJWT"))
        .isEqualTo("Nimbus JOSE (JWT)");
  }

  @Test
  void framesOfNoKnownLayerAreNamedByTheirPackage() {
    assertThat(FlightRecordings.layerOf("java.util.HashMap")).isEqualTo("JDK");
    assertThat(FlightRecordings.layerOf("io.swagger.v3.core.Thing")).isEqualTo("io.swagger");
    assertThat(FlightRecordings.layerOf("963220999")).isEqualTo("lambdas and proxies");
  }
}
