package org.uprengage.engine;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: no cycles between them, and none reaches into another's
 * internals.
 */
class ModuleBoundariesTest {

  @Test
  void featurePackagesRespectTheirBoundaries() {
    ApplicationModules.of(WorkflowEngineApplication.class).verify();
  }
}
