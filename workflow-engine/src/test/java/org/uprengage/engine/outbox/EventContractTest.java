package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.deadline.TaskDueDates;
import org.uprengage.engine.incident.IncidentOpened;
import org.uprengage.engine.outcome.ReviewOutcomes;
import org.uprengage.engine.people.PersonUpdated;
import org.uprengage.engine.recommendation.AssignmentRequest;
import org.uprengage.engine.recommendation.PositionChange;
import org.uprengage.engine.recommendation.Recommendation;
import org.uprengage.engine.recommendation.RecommendationAssignments;
import org.uprengage.engine.recommendation.RecommendationRegister;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/**
 * The engine's side of the event contract: every event of a review walked through the whole cycle
 * matches the JSON Schema of its type ({@code events/schemas/}), no field undocumented; every type
 * is in the AsyncAPI document ({@code events/asyncapi.yaml}, validated by @asyncapi/cli in CI), and
 * every schema's example is valid; every event record has a schema and every schema a record.
 * Consumers test their own records against the same files.
 */
class EventContractTest extends EngineIntegrationTest {

  private static final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired TaskDueDates dueDates;
  @Autowired RecommendationRegister register;
  @Autowired RecommendationAssignments assignments;
  @Autowired ReviewOutcomes outcomes;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void everyEventOfAWholeCycleMatchesTheSchemaOfItsType() throws Exception {
    String team = newCountryTeam();
    jdbc.update(
        "INSERT INTO upr_person (username, display_name, roles, country_teams, source, updated_at) VALUES ('coordinator-contract', 'Second coordinator', '{coordinator}', ARRAY[?], 'import', now())",
        team);
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    Caller coordinator = walk.coordinator();
    Task plan = walk.task(ReviewProcess.TASK_PLAN_SUBMISSION);
    work.claim(coordinator, plan.getId());
    work.unclaim(coordinator, plan.getId());
    work.assign(coordinator, plan.getId(), "coordinator-contract");
    work.unclaim(coordinator, plan.getId());
    dueDates.set(coordinator, plan.getId(), LocalDate.of(2030, 1, 15), null, null);
    fire(deadlineWatches.of(plan.getId()).orElseThrow()); // 14 days before: approaching
    ClockUtil.reset();
    walk.complete(
        coordinator, ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of("UNICEF")));
    fire(
        deadlineWatches
            .of(walk.task(ReviewProcess.TASK_DRAFT_AGENCY_SECTION).getId())
            .orElseThrow()); // 2022: missed
    ClockUtil.reset();
    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));
    walk.complete(
        coordinator, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, Map.of("text", "Joint text"));
    walk.complete(
        walk.headOfOffice("UNICEF"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        Map.of("decision", "send-back", "comments", "Add the 2024 figures"));
    walk.complete(
        walk.focalPoint("UNICEF"),
        ReviewProcess.TASK_REVISE_AGENCY_SECTION,
        Map.of("text", "UNICEF section, with figures"));
    walk.complete(
        coordinator, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, Map.of("text", "Joint text 2"));
    walk.complete(
        walk.headOfOffice("UNICEF"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        Map.of("decision", "approve"));
    walk.complete(walk.rc(), ReviewProcess.TASK_SIGN_OFF_SUBMISSION, Map.of("decision", "approve"));
    walk.complete(
        coordinator,
        ReviewProcess.TASK_RECORD_SUBMISSION,
        Map.of("submittedOn", "2022-07-12", "reference", "UNCT-42"));
    transactions.executeWithoutResult(
        status ->
            register.importList(
                coordinator,
                walk.review().id(),
                "paragraph,text\n121.1,Ratify the Convention (France);\n"
                    .getBytes(StandardCharsets.UTF_8)));
    transactions.executeWithoutResult(
        status ->
            assignments.assign(
                coordinator,
                walk.review().id(),
                new AssignmentRequest("UNICEF", List.of("UNDP")),
                new RecommendationAssignments.Selection(List.of("121.1"), null, null)));
    walk.reviewWith(250);
    walk.adopt();
    transactions.executeWithoutResult(
        status ->
            outcomes.correctPositions(
                coordinator,
                walk.review().id(),
                List.of(
                    new PositionChange(
                        "121.1",
                        "supported",
                        new Recommendation.PositionSource("A/HRC/53/15/Add.1", "3")))));
    walk.followUp();
    ClockUtil.reset();

    awaitPublished(walk.review().id().toString()); // numbered by the relay as it publishes
    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Map<String, Object> event :
        jdbc.queryForList(
            "SELECT type, payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position",
            walk.review().id().toString())) {
      String type = (String) event.get("type");
      seen.add(type);
      JsonNode data = json.readTree(String.valueOf(event.get("payload")));
      for (ValidationMessage problem : schemaOf(type).validate(data)) {
        problems.add(type + ": " + problem.getMessage() + " in " + data);
      }
    }
    assertThat(problems).isEmpty();
    Set<String> expected = new TreeSet<>(schemaTypes());
    expected.remove("org.uprengage.task.cancelled.v1"); // no path of a whole cycle cancels a task
    expected.remove(PersonUpdated.TYPE); // no review's event: see the test below
    expected.remove(IncidentOpened.TYPE); // no path of a whole cycle fails: see the test below
    assertThat(seen).containsAll(expected);
  }

  @Test
  void aPersonsEntryFromTheirTokenMatchesTheSchemaOfItsType() throws Exception {
    mvc.perform(
            get("/api/agencies")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .subject("contract-person")
                                    .claim("preferred_username", "contract-person")
                                    .claim("name", "Amina Otieno")
                                    .claim("email", "aotieno@example.org")
                                    .claim("locale", "sw")
                                    .claim("zoneinfo", "Africa/Nairobi")
                                    .claim("agency", "UNICEF")
                                    .claim("roles", List.of("focal-point"))
                                    .claim("country_teams", List.of("GHA")))))
        .andExpect(status().isOk());
    List<String> payloads =
        jdbc.queryForList(
            "SELECT payload FROM upr_event_outbox WHERE type = ? AND record_key = 'contract-person'",
            String.class,
            PersonUpdated.TYPE);
    assertThat(payloads).hasSize(1);
    JsonNode data = json.readTree(payloads.get(0));
    assertThat(schemaOf(PersonUpdated.TYPE).validate(data)).as(data.toString()).isEmpty();
    assertThat(data.path("timeZone").asText()).isEqualTo("Africa/Nairobi");
  }

  @Test
  void anIncidentsAnnouncementMatchesTheSchemaOfItsType() throws Exception {
    String team = newCountryTeam();
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    String reviewId = walk.review().id().toString();
    // a job of the review's that fails for good: an asynchronous step of a process it started
    String drill = "incident-contract-drill";
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(drill)
            .count()
        == 0) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              drill + ".bpmn",
              Bpmn.createExecutableProcess(drill)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask("ServiceTask_Step")
                  .camundaAsyncBefore()
                  .camundaExpression("${true}")
                  .endEvent()
                  .done())
          .deploy();
    }
    String instance = engine.getRuntimeService().startProcessInstanceByKey(drill, reviewId).getId();
    Job job =
        engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 0);

    awaitPublished(reviewId);
    List<String> payloads =
        jdbc.queryForList(
            "SELECT payload FROM upr_event_outbox WHERE type = ? AND record_key = ?",
            String.class,
            IncidentOpened.TYPE,
            reviewId);
    assertThat(payloads).hasSize(1);
    JsonNode data = json.readTree(payloads.get(0));
    assertThat(schemaOf(IncidentOpened.TYPE).validate(data)).as(data.toString()).isEmpty();
    assertThat(data.path("jobId").asText()).isEqualTo(job.getId());
  }

  @Test
  void everyTypeIsInTheAsyncApiDocumentAndEveryExampleMatchesItsSchema() throws Exception {
    String asyncApi =
        new String(
            new ClassPathResource("events/asyncapi.yaml").getInputStream().readAllBytes(),
            StandardCharsets.UTF_8);
    Set<String> referenced = new TreeSet<>();
    Matcher ref = Pattern.compile("\\./schemas/(\\S+)\\.schema\\.json").matcher(asyncApi);
    while (ref.find()) {
      referenced.add(ref.group(1));
    }
    assertThat(referenced).isEqualTo(schemaTypes());
    for (String type : schemaTypes()) {
      JsonNode schema = json.readTree(schemaStream(type));
      assertThat(schema.path("examples")).as(type).isNotEmpty();
      for (JsonNode example : schema.path("examples")) {
        assertThat(schemaOf(type).validate(example)).as(type).isEmpty();
      }
      assertThat(schemaOf(type).validate(json.readTree("{\"reviewId\":\"x\"}")))
          .as(type + " refuses what is not it")
          .isNotEmpty();
    }
  }

  @Test
  void everyEventRecordHasASchemaAndEverySchemaARecord() throws Exception {
    assertThat(eventRecords().keySet()).isEqualTo(schemaTypes());
  }

  /**
   * The event records of the engine, found on the classpath as it is built, by the type each
   * carries in its {@code TYPE}.
   */
  private static Map<String, Class<?>> eventRecords() throws ReflectiveOperationException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(OutboundEvent.class));
    Map<String, Class<?>> records = new TreeMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.uprengage.engine")) {
      Class<?> record = Class.forName(candidate.getBeanClassName());
      assertThat(record.isRecord()).as(record + " is a record").isTrue();
      Class<?> other = records.put((String) record.getField("TYPE").get(null), record);
      assertThat(other).as("another record of the type of " + record).isNull();
    }
    return records;
  }

  private static Set<String> schemaTypes() throws IOException {
    Set<String> types = new TreeSet<>();
    for (var resource :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:events/schemas/*.schema.json")) {
      types.add(resource.getFilename().replace(".schema.json", ""));
    }
    return types;
  }

  private static InputStream schemaStream(String type) throws IOException {
    return new ClassPathResource("events/schemas/" + type + ".schema.json").getInputStream();
  }

  private static JsonSchema schemaOf(String type) throws IOException {
    try (InputStream in = schemaStream(type)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
  }
}
