package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service's metrics (Prometheus's text format) and full health answer on its management port
 * only; the port a load balancer routes to answers only the probes' own paths there.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class ManagementPortIT {

  private static final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  List<DynamicTest> metricsAnswerOnTheManagementPortOnly() throws Exception {
    return Platform.get().services().stream()
        .map(
            service ->
                DynamicTest.dynamicTest(
                    service.name(), () -> metricsAnswerOnTheManagementPortOnly(service)))
        .toList();
  }

  private static void metricsAnswerOnTheManagementPortOnly(ServiceProcess service)
      throws Exception {
    HttpResponse<String> publicMetrics = get(service.baseUrl() + "/actuator/prometheus");
    assertThat(publicMetrics.statusCode()).isIn(401, 404);
    assertThat(publicMetrics.body()).doesNotContain("# TYPE");
    assertThat(get(service.baseUrl() + "/readyz").statusCode()).isEqualTo(200);
    assertThat(get(service.baseUrl() + "/livez").statusCode()).isEqualTo(200);

    HttpResponse<String> metrics = get(service.managementUrl() + "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    String application =
        service.name().startsWith("workflow-engine")
            ? "workflow-engine"
            : service.name().startsWith("web-api") ? "web-api" : service.name();
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes{")
        .contains("process_cpu_usage{")
        .contains("http_server_requests_seconds_count{")
        .contains("application=\"" + application + "\"");
    if (!application.equals("web-api")) {
      assertThat(metrics.body()).contains("hikaricp_connections_active{");
    }
    assertThat(get(service.managementUrl() + "/actuator/health").statusCode()).isEqualTo(200);
    assertThat(get(service.managementUrl() + "/actuator/health/readiness").statusCode())
        .isEqualTo(200);
    assertThat(get(service.managementUrl() + "/actuator/health/liveness").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSignedInPersonFindsNoMetricsOnThePublicPort() throws Exception {
    Api admin = new Api(Platform.get().webApi, "admin", "demo");
    Api.Response metrics = admin.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
