package org.uprengage.webapi.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.uprengage.webapi.DemoApiTest;

/** The OpenAPI document is public and lists the API with both ways to authenticate. */
class OpenApiDocumentTest extends DemoApiTest {

  @Test
  void theOpenApiDocumentIsPublic() throws Exception {
    contract(); // writes target/openapi.json for the OpenAPI lint in .ci/run
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/reviews'].post").exists())
        .andExpect(jsonPath("$.paths['/api/tasks/{id}/claim'].post").exists())
        .andExpect(jsonPath("$.paths['/api/webhooks'].post").exists())
        .andExpect(jsonPath("$.paths['/api/follows'].post").exists())
        .andExpect(jsonPath("$.paths['/api/notifications/stream'].get").exists())
        .andExpect(jsonPath("$.paths['/api/me/notification-preferences'].put").exists())
        .andExpect(jsonPath("$.paths['/calendar/{token}.ics'].get.security").isEmpty())
        .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
  }

  @Test
  void eachOperationDocumentsTheSuccessItAnswers() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(jsonPath("$.paths['/api/reviews'].post.responses['201']").exists())
        .andExpect(jsonPath("$.paths['/api/reviews'].post.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/tasks/{id}/complete'].post.responses['204']").exists())
        .andExpect(
            jsonPath("$.paths['/api/tasks/{id}/complete'].post.responses['200']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/tasks/{id}/comments'].post.responses['201']").exists())
        .andExpect(
            jsonPath("$.paths['/api/tasks/{id}/comments'].post.responses['200']").doesNotExist());
  }
}
