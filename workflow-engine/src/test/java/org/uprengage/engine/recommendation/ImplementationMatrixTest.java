package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The implementation matrix of a review: grouped by theme, SDG or lead agency, with positions,
 * agencies, status and the latest counted narrative, as JSON, CSV and a Word document.
 */
class ImplementationMatrixTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text,theme,sdgs,position,position_source\n"
          + "121.1,\"Ratify the Convention, at last (France);\",Treaties,16,Supported,A/HRC/53/15/Add.1\n"
          + "121.2,Protect children online (Chile);,Children,4;16,Noted,A/HRC/53/15/Add.1\n"
          + "121.3,Enrol every girl (Peru);,Children,,,\n";

  @Test
  void theMatrixGroupsByThemeSdgOrAgencyWithStatusAndTheLatestCountedNarrative() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithProgress(team);
    String matrix = "/api/reviews/" + review + "/implementation-matrix";

    mvc.perform(get(matrix).with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.groupBy").value("theme"))
        .andExpect(jsonPath("$.country").value(team))
        .andExpect(jsonPath("$.groups.length()").value(2))
        .andExpect(jsonPath("$.groups[0].heading").value("Treaties"))
        .andExpect(jsonPath("$.groups[1].heading").value("Children"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].paragraph").value("121.2"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].position").value("noted"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].leadAgency").value("UNICEF"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].supportingAgencies[0]").value("UNDP"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].status").value("implemented"))
        .andExpect(jsonPath("$.groups[1].recommendations[0].latestNarrative").value("Law adopted"))
        .andExpect(jsonPath("$.groups[1].recommendations[1].status").value("not-started"));
    mvc.perform(get(matrix + "?groupBy=sdg").with(focalUndp(team)))
        .andExpect(jsonPath("$.groups[0].heading").value("SDG 4"))
        .andExpect(jsonPath("$.groups[1].heading").value("SDG 16"))
        .andExpect(jsonPath("$.groups[1].recommendations.length()").value(2))
        .andExpect(jsonPath("$.groups[2].heading").value("No SDG"))
        .andExpect(jsonPath("$.groups[2].recommendations[0].paragraph").value("121.3"));
    mvc.perform(get(matrix + "?groupBy=agency").with(focalUndp(team)))
        .andExpect(jsonPath("$.groups[0].heading").value("UNICEF"))
        .andExpect(jsonPath("$.groups[1].heading").value("No lead agency"))
        .andExpect(jsonPath("$.groups[1].recommendations.length()").value(2));

    String csv =
        mvc.perform(get(matrix + "?groupBy=agency&format=csv").with(coordinator(team)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "group,paragraph,text,recommending_states,position,lead_agency,supporting_agencies,"
                + "status,status_as_of,latest_narrative",
            "UNICEF,121.2,Protect children online (Chile);,Chile,noted,UNICEF,UNDP,implemented,"
                + today()
                + ",Law adopted",
            "No lead agency,121.1,\"Ratify the Convention, at last (France);\",France,supported,,,"
                + "not-started,,",
            "No lead agency,121.3,Enrol every girl (Peru);,Peru,pending,,,not-started,,");

    byte[] docx =
        mvc.perform(get(matrix + "?format=docx").with(coordinator(team)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", RecommendationController.DOCX))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor words = new XWPFWordExtractor(document)) {
      assertThat(document.getTables()).hasSize(2);
      assertThat(document.getTables().get(1).getRows()).hasSize(3);
      assertThat(words.getText())
          .contains("Implementation matrix", "Children", "UNICEF (UNDP)", "Law adopted");
    }
  }

  @Test
  void anotherTeamsMatrixIsNotFoundAndAnUnknownGroupingOrFormatIsRefused() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithProgress(team);
    String matrix = "/api/reviews/" + review + "/implementation-matrix";
    mvc.perform(get(matrix).with(coordinator(newCountryTeam()))).andExpect(status().isNotFound());
    mvc.perform(get(matrix + "?groupBy=colour").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    mvc.perform(get(matrix + "?format=pdf").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("format"));
  }

  /**
   * A review with {@link #LIST} imported; UNICEF leads on 121.2 with UNDP, reported it implemented
   * today (counted) after it was in progress.
   */
  private String reviewWithProgress(String team) throws Exception {
    String review = reviewWithList(team, LIST);
    String one = oneOf(review, "121.2");
    mvc.perform(
            put(one + "/assignment")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}"))
        .andExpect(status().isOk());
    postJson(
            one + "/progress",
            "{\"status\":\"in-progress\",\"narrative\":\"Bill tabled\",\"asOf\":\""
                + today().minusDays(20)
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isCreated());
    postJson(
            one + "/progress",
            "{\"status\":\"implemented\",\"narrative\":\"Law adopted\",\"asOf\":\""
                + today()
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isCreated());
    return review;
  }
}
