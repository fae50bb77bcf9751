package org.uprengage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbesTest {

  @Test
  void requestsAreSummedOverEverySeriesButTheManagementEndpoints() {
    String prometheus =
        """
        # HELP http_server_requests_seconds
        # TYPE http_server_requests_seconds summary
        http_server_requests_seconds_count{application="web-api",method="GET",outcome="SUCCESS",status="200",uri="/api/tasks"} 120
        http_server_requests_seconds_sum{application="web-api",method="GET",outcome="SUCCESS",status="200",uri="/api/tasks"} 4.5
        http_server_requests_seconds_count{application="web-api",method="POST",outcome="SUCCESS",status="200",uri="/api/tasks/{id}/claim"} 118.0
        http_server_requests_seconds_count{application="web-api",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 7
        jvm_threads_live_threads{application="web-api"} 40
        """;

    assertThat(Probes.requestCount(prometheus)).isEqualTo(238.0);
  }
}
