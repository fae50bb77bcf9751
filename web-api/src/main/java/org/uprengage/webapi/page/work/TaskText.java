package org.uprengage.webapi.page.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.uprengage.webapi.page.Decision;
import org.uprengage.webapi.page.Person;

/**
 * The texts a task of the joint submission works on, as its page shows them: the agencies' sections
 * it concerns (those the engine's task description counts the words of: every agency's, in the
 * agreed order, for the consolidation; the agency's own for a revision) with their text from the
 * review's submission, the latest round and its consolidated text, and what those who sent that
 * round back asked. The form opens with the text to work on: the revision with the agency's section
 * as it stands, the consolidation with the latest round's text, or before the first round with the
 * sections one after the other.
 *
 * @param round the latest consolidated round; null before the first
 */
record TaskText(
    List<Section> sections, Integer round, String consolidated, List<Decision> sentBack) {

  static final String CONSOLIDATE = "UserTask_ConsolidateSubmission";
  static final String REVISE = "UserTask_ReviseAgencySection";

  /** The tasks whose page shows the texts they work on. */
  static final Set<String> TASKS = Set.of(CONSOLIDATE, REVISE);

  /** The input a task's text goes into. */
  static final String TEXT = "text";

  static final TaskText NONE = new TaskText(List.of(), null, null, List.of());

  /**
   * The texts of {@code task} (the engine's detail view of it) from {@code submission} (the
   * engine's answer for the review's submission).
   */
  static TaskText of(JsonNode task, JsonNode submission, Person me) {
    Map<String, JsonNode> drafted = new HashMap<>();
    submission
        .path("sections")
        .forEach(section -> drafted.put(section.path("agency").asText(), section));
    List<Section> sections = new ArrayList<>();
    for (JsonNode counted : task.path("words").path("sections")) {
      String agency = counted.path("agency").asText();
      JsonNode section = drafted.get(agency);
      sections.add(
          section == null
              ? new Section(agency, null, 0, null, null)
              : new Section(
                  agency,
                  TaskView.text(section.path("text")),
                  section.path("words").asInt(),
                  TaskView.text(section.path("draftedBy")),
                  section.path("draftedAt").isTextual()
                      ? me.local(Instant.parse(section.path("draftedAt").asText()))
                      : null));
    }
    Integer round = submission.path("round").isNumber() ? submission.path("round").asInt() : null;
    List<Decision> sentBack =
        Decision.of(submission, me).stream()
            .filter(decision -> round != null && decision.round() == round)
            .filter(decision -> "send-back".equals(decision.decision()))
            .toList();
    return new TaskText(sections, round, TaskView.text(submission.path("text")), sentBack);
  }

  /** The values the form opens with. */
  Map<String, String> prefill(String taskKey) {
    Map<String, String> values = new LinkedHashMap<>();
    if (REVISE.equals(taskKey)) {
      sections.stream()
          .filter(section -> section.text() != null)
          .findFirst()
          .ifPresent(section -> values.put(TEXT, section.text()));
    } else if (CONSOLIDATE.equals(taskKey)) {
      String start =
          consolidated != null
              ? consolidated
              : sections.stream()
                  .map(Section::text)
                  .filter(text -> text != null && !text.isBlank())
                  .collect(Collectors.joining("\n\n"));
      if (!start.isBlank()) {
        values.put(TEXT, start);
      }
    }
    return values;
  }

  /** One agency's section: null text (and 0 words) where the agency has none. */
  record Section(
      String agency, String text, int words, String draftedBy, ZonedDateTime draftedAt) {}
}
