package org.uprengage.webapi.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** Every answer carries the security headers; Swagger UI may load its own files only. */
class SecurityHeadersApiTest extends DemoApiTest {

  @Test
  void answersCarrySecurityHeadersAndSwaggerUiMayLoadOnlyItsOwnFiles() throws Exception {
    mvc.perform(get("/api/me").header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("viewer"))
        .andExpect(jsonPath("$.agency").value("OHCHR"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("Content-Security-Policy", startsWith("default-src 'none'")))
        .andExpect(header().string("Cache-Control", containsString("no-store")));
    mvc.perform(get("/api/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'")));
  }
}
