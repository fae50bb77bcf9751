package org.uprengage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * Process coverage as a check: runs after every other test class of the module (class order in
 * {@code junit-platform.properties}) and fails if a flow node of a process model was never passed
 * by the tests. Skipped when no test of this run used the engine's database (a run of single
 * tests); {@link ProcessCoverageReport} writes the report of each model.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  @Test
  void everyFlowNodeOfEveryModelIsPassedByTheTests() throws Exception {
    assumeTrue(TestInfrastructure.databaseCreated("engine"), "no test of this run used the engine");
    assertThat(ProcessCoverageReport.measure())
        .isNotEmpty()
        .allSatisfy(
            coverage ->
                assertThat(coverage.missed())
                    .as("flow nodes of %s no test passed", coverage.processId())
                    .isEmpty());
  }
}
