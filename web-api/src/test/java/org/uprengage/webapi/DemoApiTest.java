package org.uprengage.webapi;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.testsupport.OpenApiContract;
import org.uprengage.webapi.security.InternalTokens;

/**
 * Base of web-api's API tests in the quick start profile: one Spring context (cached, shared by
 * every class that extends this one), stand-ins for the services behind web-api, and a real port
 * beside MockMvc for what only a real connection shows (the peer's address). Every MockMvc exchange
 * of a test is held to the OpenAPI document web-api serves when the test ends. Metrics and tracing
 * are on, as in a deployment (Spring Boot turns them off in tests unless asked).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // one loopback address stands for a proxy in front of web-api (ClientAddressApiTest)
      "UPR_TRUSTED_PROXIES=" + DemoApiTest.TRUSTED_PROXY_PATTERN
    })
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("demo")
@Import(RecordedExchanges.class)
public abstract class DemoApiTest {

  /** The address of the proxy the tests' web-api trusts: another loopback address. */
  public static final String TRUSTED_PROXY = "127.0.0.2";

  static final String TRUSTED_PROXY_PATTERN = "127\\.0\\.0\\.2";

  protected static final StubService engine = new StubService();
  protected static final StubService notifications = new StubService();

  private static OpenApiContract contract;

  @Autowired protected MockMvc mvc;
  @Autowired protected InternalTokens tokens;
  @Autowired private RecordedExchanges exchanges;
  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("upr.services.engine", engine::url);
    registry.add("upr.services.notifications", notifications::url);
  }

  @BeforeEach
  void resetStubs() {
    engine.reset();
    notifications.reset();
  }

  @AfterEach
  void holdTheExchangesToTheDocument() throws Exception {
    var recorded = exchanges.takeAll();
    contract().assertConforms(recorded);
  }

  /** The document web-api serves, as a contract; kept for the OpenAPI lint in .ci/run. */
  protected OpenApiContract contract() throws Exception {
    if (contract == null) {
      String document =
          mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
      Files.writeString(Path.of("target", "openapi.json"), document);
      contract = new OpenApiContract(document);
      exchanges.takeAll();
    }
    return contract;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
