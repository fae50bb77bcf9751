package org.uprengage.engine.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;

/**
 * The task lists (a person's inbox, their claimable tasks, a team's tasks, a review's) in the
 * platform's own SQL, run by Camunda's native task query, which maps the rows to the engine's own
 * tasks. It answers as Camunda's generic task query did (the same tasks in the same order, the same
 * total; {@code TaskListQueryTest} compares both on the same data), without its cost at depth:
 *
 * <ul>
 *   <li>the groups a task is offered to are a semi-join ({@code EXISTS}), where the generic query
 *       joins every identity link and then has to make the rows distinct again ({@code SELECT
 *       DISTINCT} over every column), which keeps the planner from reading the tasks in the list's
 *       order and stopping after one page;
 *   <li>the country team comes first and the order second: {@link TaskListIndex} indexes {@code
 *       act_ru_task (tenant_id_, create_time_, id_)} and {@code (tenant_id_, due_date_, id_)}, so a
 *       page is read from its team's tasks in order, however many other teams' tasks are open.
 * </ul>
 */
@Component
class TaskListQuery {

  /**
   * Offered to one of the groups: looked up task by task on the links' task index ({@code OFFSET 0}
   * keeps PostgreSQL from turning it into a hash of every link of the groups, of all teams, which
   * grows with the depth: 5,000 links read for one list at 10,000 open tasks).
   */
  private static final String OFFERED =
      "EXISTS (SELECT 1 FROM act_ru_identitylink i WHERE i.task_id_ = t.id_"
          + " AND i.type_ = 'candidate' AND i.group_id_ IN (%s) OFFSET 0)";

  private final TaskService tasks;

  TaskListQuery(TaskService tasks) {
    this.tasks = tasks;
  }

  /** One page of tasks and how to count them all; {@link #NONE} when none can match. */
  record Found(List<Task> page, LongSupplier total) {}

  static final Found NONE = new Found(List.of(), () -> 0);

  /**
   * The page of the caller's tasks the filter asks for; the caller has at least one country team.
   * Refuses a stage, show or sort it does not know, in that order (as the lists always did).
   */
  Found find(Caller caller, TaskFilter filter, int page, int size) {
    Sql sql = new Sql();
    StringBuilder from = new StringBuilder(" FROM act_ru_task t");
    List<String> where = new ArrayList<>();
    where.add("t.tenant_id_ IN (" + sql.values("team", caller.countryTeams()) + ")");
    if (filter.reviewId() != null) {
      // every stage's tasks: the business key of each of a review's instances is the review's id
      from.append(" JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_");
      where.add("e.business_key_ = " + sql.value("review", filter.reviewId().toString()));
    }
    if (filter.stage() != null) {
      String stageProcess = ReviewProcess.STAGE_PROCESSES.get(filter.stage());
      if (stageProcess == null) {
        throw new InvalidInput(
            "stage", "must be one of " + String.join(", ", ReviewProcess.STAGE_ORDER));
      }
      from.append(" JOIN act_re_procdef d ON d.id_ = t.proc_def_id_");
      where.add("d.key_ = " + sql.value("stageProcess", stageProcess));
    }
    List<String> groups = List.copyOf(caller.groups());
    switch (filter.show()) {
      case "mine" -> where.add("t.assignee_ = " + sql.value("me", caller.username()));
      case "claimable" -> {
        if (groups.isEmpty()) {
          return NONE;
        }
        where.add("t.assignee_ IS NULL AND " + OFFERED.formatted(sql.values("group", groups)));
      }
      case "team" -> {
        // every task of the caller's teams: who may ask is checked before
      }
      case "both" -> {
        String mine = "t.assignee_ = " + sql.value("me", caller.username());
        where.add(
            groups.isEmpty()
                ? mine
                : "("
                    + mine
                    + " OR (t.assignee_ IS NULL AND "
                    + OFFERED.formatted(sql.values("group", groups))
                    + "))");
      }
      default -> throw new InvalidInput("show", "must be one of mine, claimable, both, team");
    }
    if (filter.taskKey() != null) {
      where.add("t.task_def_key_ = " + sql.value("taskKey", filter.taskKey()));
    }
    if (filter.dueBefore() != null) {
      where.add("t.due_date_ < " + sql.value("dueBefore", Date.from(filter.dueBefore())));
    }
    if (filter.text() != null) {
      String pattern =
          "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.add("UPPER(t.name_) LIKE UPPER(" + sql.value("text", pattern) + ") ESCAPE '\\'");
    }
    String direction = filter.descending() ? " DESC" : " ASC";
    String order =
        switch (filter.sort()) {
          case "due" -> " ORDER BY t.due_date_" + direction + ", t.id_ ASC";
          case "created" -> " ORDER BY t.create_time_" + direction + ", t.id_ ASC";
          default -> throw new InvalidInput("sort", "must be created or due");
        };
    String criteria = from + " WHERE " + String.join(" AND ", where);
    List<Task> found =
        sql.bind(tasks.createNativeTaskQuery().sql("SELECT t.*" + criteria + order))
            .listPage(page * size, size);
    return new Found(
        found,
        () -> sql.bind(tasks.createNativeTaskQuery().sql("SELECT count(*)" + criteria)).count());
  }

  /** The statement's parameters, each named where the SQL refers to it ({@code #{name}}). */
  private static final class Sql {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    String value(String name, Object value) {
      String unique = "upr_" + name + names.size();
      names.add(unique);
      values.add(value);
      return "#{" + unique + "}";
    }

    String values(String name, Collection<String> each) {
      List<String> refs = new ArrayList<>(each.size());
      each.forEach(value -> refs.add(value(name, value)));
      return String.join(", ", refs);
    }

    NativeTaskQuery bind(NativeTaskQuery query) {
      for (int i = 0; i < names.size(); i++) {
        query.parameter(names.get(i), values.get(i));
      }
      return query;
    }
  }
}
