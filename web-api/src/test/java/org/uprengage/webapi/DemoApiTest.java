package org.uprengage.webapi;

import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.webapi.security.InternalTokens;

/**
 * Base of web-api's tests in the quick start profile: one Spring context, with stand-ins for the
 * services behind it, shared by every class that extends it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
abstract class DemoApiTest {

  static final StubService engine = new StubService();
  static final StubService notifications = new StubService();

  @Autowired MockMvc mvc;
  @Autowired InternalTokens tokens;

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

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
