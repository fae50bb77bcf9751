package org.uprengage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: no cycles between them, none reaches into another's internals,
 * and the task kernel stays below the features that bring it their forms.
 */
class ModuleBoundariesTest {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(WorkflowEngineApplication.class);

  @Test
  void featurePackagesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void featuresDependOnTheTaskKernelNeverTheOtherWayRound() {
    ApplicationModule task = module("task");
    for (String feature : new String[] {"submission", "outcome"}) {
      assertThat(task.getDirectDependencies(MODULES).containsModuleNamed(feature))
          .as("task depends on " + feature)
          .isFalse();
      assertThat(module(feature).getDirectDependencies(MODULES).contains(task))
          .as(feature + " brings its forms to task")
          .isTrue();
    }
  }

  private static ApplicationModule module(String name) {
    return MODULES.getModuleByName(name).orElseThrow();
  }
}
