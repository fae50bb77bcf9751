package org.uprengage.engine.task;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes for the task lists ({@link TaskListQuery}), which Camunda's schema lacks: a list is of
 * the caller's country teams, in the order of creation or of due date, then by id, so {@code
 * act_ru_task (tenant_id_, create_time_, id_)} and {@code (tenant_id_, due_date_, id_)} give a page
 * straight from the team's own tasks, in order, whatever the number of other teams' open tasks
 * (Camunda's own indexes are on the tenant alone and on the creation time alone: the planner either
 * sorted a team's every task or walked every open task in creation order; see docs/benchmarks.md,
 * the depth series).
 *
 * <p>Made once the engine has built its tables, as {@link SubtaskLookupIndex} is and for the same
 * reason; {@code IF NOT EXISTS}, and a failure is logged, not fatal (the lists answer the same
 * without them, only slower).
 */
@Component
class TaskListIndex extends AbstractProcessEnginePlugin {

  static final List<String> NAMES =
      List.of("upr_act_ru_task_team_created", "upr_act_ru_task_team_due");

  private static final List<String> COLUMNS =
      List.of("tenant_id_, create_time_, id_", "tenant_id_, due_date_, id_");

  private static final Logger log = LoggerFactory.getLogger(TaskListIndex.class);

  private final JdbcTemplate jdbc;

  TaskListIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    for (int i = 0; i < NAMES.size(); i++) {
      try {
        jdbc.execute(
            "CREATE INDEX IF NOT EXISTS "
                + NAMES.get(i)
                + " ON act_ru_task ("
                + COLUMNS.get(i)
                + ")");
      } catch (RuntimeException failed) {
        log.warn(
            "Could not create index {} on act_ru_task ({})", NAMES.get(i), COLUMNS.get(i), failed);
      }
    }
  }
}
