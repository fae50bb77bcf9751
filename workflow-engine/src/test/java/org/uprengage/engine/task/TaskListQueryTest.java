package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.problem.DomainProblem;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;

/**
 * The task lists in the platform's own SQL ({@link TaskListQuery}) answer as Camunda's generic task
 * query did, on the same data: reviews of three country teams at different steps, tasks claimed by
 * focal points and coordinators, offered to agencies and to roles, with and without due dates. For
 * callers of one team and of several, with every {@code show}, each filter and both orders, the
 * same tasks in the same order, page by page, the same total, and the same refusal; and each task
 * listed as its own view ({@code GET /api/tasks/{id}}) shows it to the caller, the same in every
 * list.
 */
class TaskListQueryTest extends EngineIntegrationTest {

  @Autowired TaskWork work;
  @Autowired TaskService tasks;

  @Test
  void theListsAnswerAsCamundasTaskQueryDid() throws Exception {
    String a = newCountryTeam();
    String b = newCountryTeam();
    String c = newCountryTeam();
    List<String> reviews = new ArrayList<>();
    for (String team : List.of(a, b, c)) {
      reviews.add(planned(team, 41, "UNICEF", "UNDP"));
      reviews.add(planned(team, 42, "UNICEF"));
      reviews.add(startReview(team, 55, coordinator(team)));
      reviews.add(planned(team, 56, "UNDP", "UNICEF"));
    }
    // some drafts held by their focal point, one by a coordinator, one by a head of office
    draftClaimed(reviews.get(0), focalUnicef(a));
    draftClaimed(reviews.get(4), focalUnicef(b));
    draftClaimed(reviews.get(8), focalUndp(c));
    known(coordinator(a), headUnicef(c));
    String toCoordinator =
        taskIds(reviews.get(1), ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(a)).get(0);
    postJson(
            "/api/tasks/" + toCoordinator + "/assign",
            "{\"assignee\":\"coordinator\"}",
            coordinator(a))
        .andExpect(status().isOk());
    String toHead =
        taskIds(reviews.get(9), ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(c)).get(0);
    postJson("/api/tasks/" + toHead + "/assign", "{\"assignee\":\"head-unicef\"}", coordinator(c))
        .andExpect(status().isOk());
    // due dates: some tasks due on days apart, some on the same day, the rest without one
    List<Task> open = tasks.createTaskQuery().tenantIdIn(a, b, c).orderByTaskId().asc().list();
    assertThat(open).hasSizeGreaterThan(15);
    Instant day = Instant.parse("2027-03-01T00:00:00Z");
    for (int i = 0; i < open.size(); i++) {
      Task task = open.get(i);
      if (i % 3 != 2) {
        task.setDueDate(Date.from(day.plus(i % 4, ChronoUnit.DAYS)));
        tasks.saveTask(task);
      }
    }

    List<Caller> callers =
        List.of(
            new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(a)),
            new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(a, b, c)),
            new Caller("focal-unicef", Set.of(Caller.FOCAL_POINT), "UNICEF", Set.of(a)),
            new Caller("focal-unicef", Set.of(Caller.FOCAL_POINT), "UNICEF", Set.of(a, b)),
            new Caller("focal-undp", Set.of(Caller.FOCAL_POINT), "UNDP", Set.of(b, c)),
            new Caller("head-unicef", Set.of(Caller.HEAD_OF_OFFICE), "UNICEF", Set.of(a, c)),
            new Caller("viewer", Set.of(Caller.VIEWER), null, Set.of(a, b, c)),
            new Caller("nobody", Set.of(), null, Set.of(b)),
            new Caller("admin", Set.of(Caller.ADMIN), null, Set.of(c)));
    Instant dueBefore = day.plus(2, ChronoUnit.DAYS);
    List<TaskFilter> filters = new ArrayList<>();
    for (String show : List.of("mine", "claimable", "both", "team")) {
      for (String sort : List.of("created", "due")) {
        for (boolean descending : List.of(false, true)) {
          filters.add(new TaskFilter(null, show, null, null, null, sort, descending, null));
          filters.add(
              new TaskFilter(
                  UUID.fromString(reviews.get(0)), show, null, null, null, sort, descending, null));
          filters.add(new TaskFilter(null, show, null, null, null, sort, descending, "submission"));
          filters.add(
              new TaskFilter(
                  null,
                  show,
                  ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
                  null,
                  null,
                  sort,
                  descending,
                  null));
          filters.add(new TaskFilter(null, show, null, dueBefore, null, sort, descending, null));
          for (String text : List.of("draft", "PLAN", "%", "_", "\\")) {
            filters.add(new TaskFilter(null, show, null, null, text, sort, descending, null));
          }
          filters.add(
              new TaskFilter(
                  UUID.fromString(reviews.get(4)),
                  show,
                  ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
                  dueBefore,
                  "section",
                  sort,
                  descending,
                  "submission"));
        }
      }
    }
    filters.add(new TaskFilter(null, "everything", null, null, null, "created", false, null));
    filters.add(new TaskFilter(null, "both", null, null, null, "name", false, null));
    filters.add(new TaskFilter(null, "both", null, null, null, "created", false, "nowhere"));

    int compared = 0;
    int severalPages = 0;
    for (Caller caller : callers) {
      listedAs.clear();
      for (TaskFilter filter : filters) {
        for (int[] pageAndSize : new int[][] {{0, 100}, {0, 2}, {1, 2}, {2, 3}}) {
          int page = pageAndSize[0];
          int size = pageAndSize[1];
          Answer before = asCamundasQueryAnswered(caller, filter, page, size);
          Answer now = asTheListAnswers(caller, filter, page, size);
          assertThat(now).as("%s, %s, page %d of %d", caller, filter, page, size).isEqualTo(before);
          compared++;
          if (before.total() > size && !before.ids().isEmpty()) {
            severalPages++;
          }
        }
      }
      // each task listed as its own view shows it to the caller, but for what only that view has
      for (TaskView listed : listedAs.values()) {
        TaskView alone = work.get(caller, listed.id());
        assertThat(listed)
            .as("%s, task %s", caller, listed.id())
            .isEqualTo(
                new TaskView(
                    alone.id(),
                    alone.name(),
                    alone.taskKey(),
                    alone.reviewId(),
                    alone.country(),
                    alone.session(),
                    alone.assignee(),
                    alone.candidateGroups(),
                    alone.created(),
                    alone.due(),
                    alone.followUp(),
                    alone.owner(),
                    alone.delegationState(),
                    alone.version(),
                    null,
                    null,
                    null,
                    null));
        viewsCompared++;
      }
    }
    // not a comparison of empty lists: hundreds of the answers run over several pages
    assertThat(compared).isEqualTo(callers.size() * filters.size() * 4);
    assertThat(severalPages).isGreaterThan(300);
    assertThat(viewsCompared).isGreaterThanOrEqualTo(open.size());
  }

  /** Each task the caller under test was listed, as first listed (the same in every list). */
  private final Map<String, TaskView> listedAs = new HashMap<>();

  private int viewsCompared;

  private void draftClaimed(String reviewId, RequestPostProcessor focal) throws Exception {
    act(taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focal).get(0), "claim", focal);
  }

  /** What a list answered: the ids in order and the total, or the refusal. */
  private record Answer(List<String> ids, long total, String refused) {}

  private Answer asTheListAnswers(Caller caller, TaskFilter filter, int page, int size) {
    try {
      TaskPage listed = work.list(caller, filter, page, size);
      for (TaskView item : listed.items()) {
        TaskView first = listedAs.putIfAbsent(item.id(), item);
        assertThat(item).as("%s, %s", caller, filter).isEqualTo(first == null ? item : first);
      }
      return new Answer(listed.items().stream().map(TaskView::id).toList(), listed.total(), null);
    } catch (DomainProblem refused) {
      return refused(refused.getClass().getSimpleName(), refused.getMessage());
    }
  }

  /** The list as TaskWork built it with Camunda's task query, before its own SQL. */
  private Answer asCamundasQueryAnswered(Caller caller, TaskFilter filter, int page, int size) {
    try {
      return camundasQuery(caller, filter, page, size);
    } catch (DomainProblem refused) {
      return refused(refused.getClass().getSimpleName(), refused.getMessage());
    }
  }

  private Answer camundasQuery(Caller caller, TaskFilter filter, int page, int size) {
    if ("team".equals(filter.show())
        && !caller.hasRole(Caller.COORDINATOR)
        && !caller.hasRole(Caller.ADMIN)) {
      return refused(
          "Forbidden", "Only coordinators and admins see every task of their country teams.");
    }
    TaskQuery query =
        tasks.createTaskQuery().tenantIdIn(caller.countryTeams().toArray(String[]::new));
    if (filter.reviewId() != null) {
      query.processInstanceBusinessKey(filter.reviewId().toString());
    }
    if (filter.stage() != null) {
      String stageProcess = ReviewProcess.STAGE_PROCESSES.get(filter.stage());
      if (stageProcess == null) {
        return refused(
            "InvalidInput",
            "stage: must be one of " + String.join(", ", ReviewProcess.STAGE_ORDER));
      }
      query.processDefinitionKey(stageProcess);
    }
    List<String> groups = List.copyOf(caller.groups());
    switch (filter.show()) {
      case "mine" -> query.taskAssignee(caller.username());
      case "claimable" -> {
        if (groups.isEmpty()) {
          return new Answer(List.of(), 0, null);
        }
        query.taskCandidateGroupIn(groups);
      }
      case "team" -> {}
      case "both" -> {
        if (groups.isEmpty()) {
          query.taskAssignee(caller.username());
        } else {
          query.or().taskAssignee(caller.username()).taskCandidateGroupIn(groups).endOr();
        }
      }
      default -> {
        return refused("InvalidInput", "show: must be one of mine, claimable, both, team");
      }
    }
    if (filter.taskKey() != null) {
      query.taskDefinitionKey(filter.taskKey());
    }
    if (filter.dueBefore() != null) {
      query.dueBefore(Date.from(filter.dueBefore()));
    }
    if (filter.text() != null) {
      query.taskNameLike(
          "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    switch (filter.sort()) {
      case "due" -> query.orderByDueDate();
      case "created" -> query.orderByTaskCreateTime();
      default -> {
        return refused("InvalidInput", "sort: must be created or due");
      }
    }
    if (filter.descending()) {
      query.desc();
    } else {
      query.asc();
    }
    List<Task> found = query.orderByTaskId().asc().listPage(page * size, size);
    long total =
        found.size() < size && (!found.isEmpty() || page == 0)
            ? (long) page * size + found.size()
            : query.count();
    return new Answer(found.stream().map(Task::getId).toList(), total, null);
  }

  private static Answer refused(String problem, String message) {
    return new Answer(List.of(), -1, problem + ": " + message);
  }
}
