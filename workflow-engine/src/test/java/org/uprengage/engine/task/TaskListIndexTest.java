package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uprengage.engine.EngineIntegrationTest;

class TaskListIndexTest extends EngineIntegrationTest {

  @Test
  void theTaskListsHaveTheirIndexesOnceTheEngineHasStarted() {
    assertThat(
            jdbc.queryForList(
                "SELECT indexname || ' ' || indexdef FROM pg_indexes"
                    + " WHERE tablename = 'act_ru_task' AND indexname LIKE 'upr_act_ru_task_team_%'"
                    + " ORDER BY indexname",
                String.class))
        .hasSize(2)
        .anySatisfy(
            index ->
                assertThat(index)
                    .startsWith(TaskListIndex.NAMES.get(0))
                    .contains("(tenant_id_, create_time_, id_)"))
        .anySatisfy(
            index ->
                assertThat(index)
                    .startsWith(TaskListIndex.NAMES.get(1))
                    .contains("(tenant_id_, due_date_, id_)"));
  }
}
