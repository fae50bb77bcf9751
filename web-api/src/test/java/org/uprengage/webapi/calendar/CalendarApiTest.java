package org.uprengage.webapi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** The session calendar, relayed to the engine. */
class CalendarApiTest extends DemoApiTest {

  @Test
  void sessionChangesCarryTheirVersionBothWays() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"number\":56,\"cycle\":5,\"startsOn\":\"2027-11-01\",\"endsOn\":\"2027-11-12\",\"version\":3}");
    engine.etag("\"3\"");
    mvc.perform(
            patch("/api/sessions/56")
                .header("Authorization", basic("admin", "demo"))
                .header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json")
                .content("{\"stakeholderDeadline\":\"2027-04-08\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.version").value(3));
    assertThat(engine.last().method()).isEqualTo("PATCH");
    assertThat(engine.last().ifMatch()).isEqualTo("\"2\"");
    assertThat(engine.last().contentType()).startsWith("application/merge-patch+json");
    assertThat(engine.last().body()).isEqualTo("{\"stakeholderDeadline\":\"2027-04-08\"}");
  }

  @Test
  void hrcSessionChangesCarryTheirVersionBothWays() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"number\":64,\"opensOn\":\"2027-02-22\",\"closesOn\":\"2027-04-09\",\"source\":\"published\",\"version\":2}");
    engine.etag("\"2\"");
    mvc.perform(
            patch("/api/hrc-sessions/64")
                .header("Authorization", basic("admin", "demo"))
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .content("{\"closesOn\":\"2027-04-09\",\"published\":true}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2\""))
        .andExpect(jsonPath("$.source").value("published"));
    assertThat(engine.last().method()).isEqualTo("PATCH");
    assertThat(engine.last().uri()).endsWith("/api/hrc-sessions/64");
    assertThat(engine.last().ifMatch()).isEqualTo("\"1\"");
    assertThat(engine.last().body()).isEqualTo("{\"closesOn\":\"2027-04-09\",\"published\":true}");
  }

  @Test
  void aNullInTheMergePatchReachesTheEngineAndClearsTheOfficialDate() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"number\":56,\"cycle\":5,\"startsOn\":\"2027-11-01\",\"endsOn\":\"2027-11-12\",\"version\":4}");
    engine.etag("\"4\"");
    mvc.perform(
            patch("/api/sessions/56")
                .header("Authorization", basic("admin", "demo"))
                .header("If-Match", "\"3\"")
                .contentType("application/merge-patch+json")
                .content("{\"stakeholderDeadline\":null,\"unEntityDeadline\":\"2027-04-15\"}"))
        .andExpect(status().isOk());
    assertThat(engine.last().body())
        .isEqualTo("{\"stakeholderDeadline\":null,\"unEntityDeadline\":\"2027-04-15\"}");
  }
}
