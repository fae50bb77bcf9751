package org.uprengage.engine.task;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;

/**
 * The task lists (a person's inbox, their claimable tasks, a team's tasks, a review's) in the
 * platform's own SQL, read from Camunda's tables. It answers as Camunda's generic task query did
 * (the same tasks in the same order, the same total; {@code TaskListQueryTest} compares both on the
 * same data, and each listed task with the task as its own view shows it), without its cost at
 * depth, and in one statement where the engine's query, the groups of the tasks and their reviews
 * took three, in a transaction of their own:
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

  /**
   * A task's review, as its process instance's business key names it (the review's id on the
   * review's own instance and on each of its stages'), as {@code ReviewRepository} reads it.
   */
  private static final String REVIEW =
      " LEFT JOIN act_ru_execution pi ON pi.id_ = t.proc_inst_id_"
          + " LEFT JOIN upr_review r ON r.id = CASE WHEN pi.business_key_ ~"
          + " '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
          + " THEN CAST(pi.business_key_ AS uuid) END";

  /** The groups a task is offered to, in the task's row. */
  private static final String CANDIDATE_GROUPS =
      "ARRAY(SELECT c.group_id_ FROM act_ru_identitylink c WHERE c.task_id_ = t.id_"
          + " AND c.type_ = 'candidate' AND c.group_id_ IS NOT NULL) AS upr_groups";

  private final NamedParameterJdbcTemplate jdbc;

  TaskListQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of tasks, each as the list shows it, and whether a row beyond the page was found; and
   * how to count them all. {@link #NONE} when none can match.
   */
  record Found(List<TaskView> page, boolean more, LongSupplier total) {}

  static final Found NONE = new Found(List.of(), false, () -> 0);

  /**
   * The page of the caller's tasks the filter asks for, each with the groups it is offered to and
   * its review, in one statement (and no transaction: a statement sees one state of the database),
   * which reads one row beyond the page, so that a caller who needs the total learns whether the
   * page is the last without counting; the caller has at least one country team. Refuses a stage,
   * show or sort it does not know, in that order (as the lists always did).
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
    String limit = sql.value("limit", size + 1);
    String offset = sql.value("offset", (long) page * size);
    List<TaskView> found =
        jdbc.query(
            "SELECT t.id_, t.name_, t.task_def_key_, t.tenant_id_, t.assignee_, t.create_time_,"
                + " t.due_date_, t.follow_up_date_, t.owner_, t.delegation_, t.rev_,"
                + " r.id AS upr_review_id, r.session_number AS upr_session, "
                + CANDIDATE_GROUPS
                + " FROM ("
                + ("SELECT t.*" + criteria + order + " LIMIT " + limit + " OFFSET " + offset)
                + ") t"
                + REVIEW
                + order,
            sql.parameters(),
            TaskListQuery::listed);
    boolean more = found.size() > size;
    return new Found(
        more ? found.subList(0, size) : found,
        more,
        () -> {
          Long count =
              jdbc.queryForObject("SELECT count(*)" + criteria, sql.parameters(), Long.class);
          return count == null ? 0 : count;
        });
  }

  /** A task of the list as its row gives it, with the groups it is offered to and its review. */
  private static TaskView listed(ResultSet rs, int i) throws SQLException {
    Array array = rs.getArray("upr_groups");
    List<String> groups = new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    groups.sort(null); // as Java orders names, not the database
    int session = rs.getInt("upr_session");
    return new TaskView(
        rs.getString("id_"),
        rs.getString("name_"),
        rs.getString("task_def_key_"),
        rs.getObject("upr_review_id", UUID.class),
        rs.getString("tenant_id_"),
        rs.wasNull() ? null : session,
        rs.getString("assignee_"),
        groups,
        instant(rs.getTimestamp("create_time_")),
        instant(rs.getTimestamp("due_date_")),
        instant(rs.getTimestamp("follow_up_date_")),
        rs.getString("owner_"),
        rs.getString("delegation_"),
        rs.getInt("rev_"),
        null,
        null,
        null,
        null);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The statement's parameters, each named where the SQL refers to it ({@code :name}). */
  private static final class Sql {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    String value(String name, Object value) {
      String unique = "upr_" + name + names.size();
      names.add(unique);
      values.add(value);
      return ":" + unique;
    }

    String values(String name, Collection<String> each) {
      List<String> refs = new ArrayList<>(each.size());
      each.forEach(value -> refs.add(value(name, value)));
      return String.join(", ", refs);
    }

    MapSqlParameterSource parameters() {
      MapSqlParameterSource parameters = new MapSqlParameterSource();
      for (int i = 0; i < names.size(); i++) {
        parameters.addValue(names.get(i), values.get(i));
      }
      return parameters;
    }
  }
}
