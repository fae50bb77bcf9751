package org.uprengage.webapi.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;
import org.uprengage.webapi.web.RequestSizeLimitFilter;

/** Imports and browsing of the register, relayed to the engine as the caller. */
class RecommendationApiTest extends DemoApiTest {

  private static final String REVIEW = "5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a";
  private static final String RECOMMENDATION = "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b";
  private static final String RESULT =
      "{\"format\":\"csv\",\"added\":1,\"updated\":0,\"unchanged\":0,\"rejected\":[{\"row\":3,\"paragraph\":\"121.2\",\"reason\":\"no recommendation text\"}],\"recommendations\":1}";

  @Test
  void anUploadedListReachesTheEngineAsItsBytesAndItsAnswerComesBack() throws Exception {
    engine.answer(200, "application/json", RESULT);
    byte[] csv =
        "paragraph,text\n121.1,Ratify (France);\n121.2,\n".getBytes(StandardCharsets.UTF_8);

    // A form upload through Tomcat on the real port: MockMvc does not parse multipart bodies.
    String boundary = "list-boundary";
    byte[] form =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n"
                + new String(csv, StandardCharsets.UTF_8)
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/reviews/"
                                + REVIEW
                                + "/recommendations/imports"))
                    .header("Authorization", basic("coordinator", "demo"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"reason\":\"no recommendation text\"");
    assertThat(engine.last().method()).isEqualTo("POST");
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/imports");
    assertThat(engine.last().contentType()).isEqualTo("application/octet-stream");
    assertThat(engine.last().body()).isEqualTo(new String(csv, StandardCharsets.UTF_8));
    assertThat(engine.last().authorization()).startsWith("Bearer ");

    mvc.perform(
            post("/api/reviews/" + REVIEW + "/recommendations/imports")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(1));
    assertThat(engine.last().body()).isEqualTo(new String(csv, StandardCharsets.UTF_8));
  }

  @Test
  void theEnginesRefusalOfAFileComesBackAsItsProblem() throws Exception {
    engine.answer(
        415,
        "application/problem+json",
        "{\"type\":\"https://uprengage.org/problems/unsupported-content\",\"title\":\"Unsupported content\",\"status\":415,\"detail\":\"The file is a PDF document, not a list of recommendations.\"}");
    mvc.perform(
            post("/api/reviews/" + REVIEW + "/recommendations/imports")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content("%PDF-1.7"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aListOverTheLimitIsRefusedBeforeItReachesTheEngine() throws Exception {
    mvc.perform(
            post("/api/reviews/" + REVIEW + "/recommendations/imports")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(new byte[RequestSizeLimitFilter.MAX_LIST_BYTES + 1]))
        .andExpect(status().isPayloadTooLarge());
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void filtersAreRelayedEncodedAndTheCountryTeamsListToo() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/reviews/" + REVIEW + "/recommendations")
                .param("position", "supported/noted")
                .param("theme", "Women's rights & gender")
                .param("sdg", "5")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri())
        .isEqualTo(
            "/api/reviews/"
                + REVIEW
                + "/recommendations?page=0&size=50&theme=Women%27s%20rights%20%26%20gender"
                + "&sdg=5&position=supported%2Fnoted");

    mvc.perform(
            get("/api/recommendations")
                .param("countryTeam", "GHA")
                .param("state", "Bolivia (Plurinational State of)")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri())
        .isEqualTo(
            "/api/recommendations?countryTeam=GHA&page=0&size=50"
                + "&state=Bolivia%20%28Plurinational%20State%20of%29");
  }

  @Test
  void positionsAreRelayedAsTheCallerAndTheirResultsComeBack() throws Exception {
    String one = "/api/reviews/" + REVIEW + "/recommendations/" + RECOMMENDATION;
    engine.answer(
        200,
        "application/json",
        "{\"id\":\""
            + RECOMMENDATION
            + "\",\"paragraph\":\"121.1\",\"position\":\"noted\","
            + "\"positionSource\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}");
    mvc.perform(
            put(one + "/position")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.position").value("noted"));
    assertThat(engine.last().method()).isEqualTo("PUT");
    assertThat(engine.last().uri()).isEqualTo(one + "/position");
    assertThat(engine.last().body())
        .isEqualTo("{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}");
    assertThat(engine.last().authorization()).startsWith("Bearer ");

    engine.answer(
        200,
        "application/json",
        "{\"changed\":1,\"unchanged\":0,\"rejected\":1,\"results\":["
            + "{\"paragraph\":\"121.1\",\"result\":\"changed\"},"
            + "{\"paragraph\":\"121.99\",\"result\":\"rejected\",\"field\":\"paragraph\","
            + "\"reason\":\"is not a recommendation of the review's register\"}]}");
    mvc.perform(
            post("/api/reviews/" + REVIEW + "/recommendations/positions")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"},\"positions\":["
                        + "{\"paragraph\":\"121.1\",\"position\":\"supported\"},"
                        + "{\"paragraph\":\"121.99\",\"position\":\"noted\"}]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rejected").value(1))
        .andExpect(jsonPath("$.results[1].field").value("paragraph"));
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/positions");

    engine.answer(
        200,
        "application/json",
        "[{\"changedAt\":\"2027-01-12T09:30:15Z\",\"changedBy\":\"coordinator\","
            + "\"via\":\"correction\",\"oldPosition\":\"pending\",\"newPosition\":\"noted\"}]");
    mvc.perform(get(one + "/positions").header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].via").value("correction"))
        .andExpect(jsonPath("$[0].newPosition").value("noted"));
    assertThat(engine.last().uri()).isEqualTo(one + "/positions");
  }

  @Test
  void assignmentsAreRelayedAsTheCallerAndTheirResultsComeBack() throws Exception {
    String one = "/api/reviews/" + REVIEW + "/recommendations/" + RECOMMENDATION;
    engine.answer(
        200,
        "application/json",
        "{\"id\":\""
            + RECOMMENDATION
            + "\",\"paragraph\":\"121.1\",\"leadAgency\":\"UNICEF\","
            + "\"supportingAgencies\":[\"UNDP\"]}");
    mvc.perform(
            put(one + "/assignment")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.leadAgency").value("UNICEF"))
        .andExpect(jsonPath("$.supportingAgencies[0]").value("UNDP"));
    assertThat(engine.last().method()).isEqualTo("PUT");
    assertThat(engine.last().uri()).isEqualTo(one + "/assignment");
    assertThat(engine.last().body())
        .isEqualTo("{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}");
    assertThat(engine.last().authorization()).startsWith("Bearer ");

    engine.answer(
        200,
        "application/json",
        "{\"changed\":2,\"unchanged\":0,\"rejected\":0,\"results\":["
            + "{\"paragraph\":\"121.2\",\"result\":\"changed\"},"
            + "{\"paragraph\":\"121.3\",\"result\":\"changed\"}]}");
    mvc.perform(
            post("/api/reviews/" + REVIEW + "/recommendations/assignments")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leadAgency\":\"UNICEF\",\"theme\":\"Education\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(2))
        .andExpect(jsonPath("$.results[1].paragraph").value("121.3"));
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/assignments");
    assertThat(engine.last().body()).contains("\"theme\":\"Education\"");

    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/reviews/" + REVIEW + "/recommendations?leadAgency=UNICEF")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations?page=0&size=50&leadAgency=UNICEF");
  }

  @Test
  void progressAndItsClearanceAreRelayedAsTheCaller() throws Exception {
    String progress = "/api/reviews/" + REVIEW + "/recommendations/" + RECOMMENDATION + "/progress";
    String update = "5f0f7c1e-8f5e-4c39-9b8a-3c3c3c3c3c3c";
    String answer =
        "{\"id\":\""
            + update
            + "\",\"agency\":\"UNICEF\",\"status\":\"in-progress\",\"narrative\":\"Draft law\","
            + "\"asOf\":\"2024-01-15\",\"clearance\":\"pending\"}";
    engine.answer(200, "application/json", answer);
    mvc.perform(
            post(progress)
                .header("Authorization", basic("focal-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"in-progress\",\"narrative\":\"Draft law\",\"asOf\":\"2024-01-15\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "http://localhost" + progress + "/" + update))
        .andExpect(jsonPath("$.clearance").value("pending"));
    assertThat(engine.last().uri()).isEqualTo(progress);
    assertThat(engine.last().body()).contains("\"asOf\":\"2024-01-15\"");

    engine.answer(200, "application/json", answer.replace("pending", "cleared"));
    mvc.perform(
            post(progress + "/" + update + "/clearance")
                .header("Authorization", basic("head-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"clear\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clearance").value("cleared"));
    assertThat(engine.last().uri()).isEqualTo(progress + "/" + update + "/clearance");

    engine.answer(
        200,
        "application/json",
        "{\"countryTeam\":\"GHA\",\"progressClearance\":true,\"roundMonths\":4}");
    mvc.perform(
            put("/api/country-teams/GHA/implementation-settings")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundMonths\":4}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roundMonths").value(4));
    assertThat(engine.last().uri()).isEqualTo("/api/country-teams/GHA/implementation-settings");
  }

  @Test
  void theMatrixIsRelayedAsJsonOrAsTheEnginesCsvAndDocument() throws Exception {
    String matrix = "/api/reviews/" + REVIEW + "/implementation-matrix";
    engine.answer(
        200,
        "application/json",
        "{\"reviewId\":\""
            + REVIEW
            + "\",\"country\":\"GHA\",\"session\":42,\"groupBy\":\"agency\",\"groups\":["
            + "{\"heading\":\"UNICEF\",\"recommendations\":[{\"paragraph\":\"121.2\","
            + "\"status\":\"implemented\",\"latestNarrative\":\"Law adopted\"}]}]}");
    mvc.perform(get(matrix + "?groupBy=agency").header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.groups[0].recommendations[0].latestNarrative").value("Law adopted"));
    assertThat(engine.last().uri()).isEqualTo(matrix + "?groupBy=agency&format=json");

    engine.answer(200, "text/csv;charset=UTF-8", "group,paragraph\r\nUNICEF,121.2\r\n");
    mvc.perform(get(matrix + "?format=csv").header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(content().string("group,paragraph\r\nUNICEF,121.2\r\n"));
    assertThat(engine.last().uri()).isEqualTo(matrix + "?groupBy=theme&format=csv");
  }
}
