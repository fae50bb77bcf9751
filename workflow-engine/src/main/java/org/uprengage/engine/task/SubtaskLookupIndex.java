package org.uprengage.engine.task;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on {@code act_ru_task (parent_task_id_)}, which Camunda's schema lacks: completing or
 * deleting a task looks for its subtasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ =
 * ?}), a sequential scan of every open task without it, so each completion cost more the more tasks
 * were open (3.5 ms at 10,000 open tasks, 90 ms cold; see docs/benchmarks.md, the depth series).
 *
 * <p>Made once the engine has built (and, on a fresh database, created) its tables: the Flyway
 * migrations run before Camunda creates its schema, so a migration cannot index Camunda's tables on
 * a fresh database. {@code IF NOT EXISTS}: each start after the first finds it; a node starting
 * beside another that builds it at the same moment logs the failure and goes on (the other's index
 * serves both).
 */
@Component
class SubtaskLookupIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "upr_act_ru_task_parent";

  private static final Logger log = LoggerFactory.getLogger(SubtaskLookupIndex.class);

  private final JdbcTemplate jdbc;

  SubtaskLookupIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try {
      jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON act_ru_task (parent_task_id_)");
    } catch (RuntimeException failed) {
      log.warn("Could not create index {} on act_ru_task (parent_task_id_)", NAME, failed);
    }
  }
}
