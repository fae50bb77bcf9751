package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uprengage.engine.EngineIntegrationTest;

class SubtaskLookupIndexTest extends EngineIntegrationTest {

  @Test
  void camundasSubtaskLookupHasAnIndexOnceTheEngineHasStarted() {
    assertThat(
            jdbc.queryForList(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_task' AND indexname = ?",
                String.class,
                SubtaskLookupIndex.NAME))
        .singleElement()
        .asString()
        .contains("(parent_task_id_)");
  }
}
