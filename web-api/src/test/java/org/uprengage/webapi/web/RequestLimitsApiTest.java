package org.uprengage.webapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.uprengage.webapi.DemoApiTest;

/** What web-api bounds before anything reaches a service: body sizes and bulk requests. */
class RequestLimitsApiTest extends DemoApiTest {

  @Test
  void aBodyOverOneMebibyteIsRefusedBeforeAnythingReadsIt() throws Exception {
    byte[] huge = new byte[1024 * 1024 + 1];
    Arrays.fill(huge, (byte) 'x');
    mvc.perform(
            post("/api/tasks/abc/comments")
                .header("Authorization", basic("focal-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void eachPersonHasABudgetOfBulkRequests() throws Exception {
    engine.answer(200, "application/json", "[]");
    for (int i = 0; i < 20; i++) {
      bulkClaim("head-undp").andExpect(status().isOk());
    }
    bulkClaim("head-undp")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://uprengage.org/problems/too-many-bulk-requests"));
    assertThat(engine.received()).hasSize(20);
    bulkClaim("head-unicef").andExpect(status().isOk());
  }

  private ResultActions bulkClaim(String user) throws Exception {
    return mvc.perform(
        post("/api/tasks/bulk/claim")
            .header("Authorization", basic(user, "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"taskIds\":[\"abc\"]}"));
  }
}
