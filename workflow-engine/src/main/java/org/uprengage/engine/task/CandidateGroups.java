package org.uprengage.engine.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The groups open tasks are offered to (Camunda's candidate identity links), read in one statement
 * for any number of tasks, where the engine's API reads the task first and then its links, task by
 * task.
 */
@Component
class CandidateGroups {

  private final NamedParameterJdbcTemplate jdbc;

  CandidateGroups(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The task's candidate groups, sorted. */
  List<String> of(String taskId) {
    return List.copyOf(of(List.of(taskId)).getOrDefault(taskId, List.of()));
  }

  /** Each task's candidate groups, sorted; a task offered to no group is left out. */
  Map<String, List<String>> of(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> groups = new HashMap<>();
    jdbc.query(
        "SELECT task_id_, group_id_ FROM act_ru_identitylink WHERE task_id_ IN (:ids)"
            + " AND type_ = 'candidate' AND group_id_ IS NOT NULL",
        Map.of("ids", taskIds),
        rs -> {
          groups
              .computeIfAbsent(rs.getString("task_id_"), id -> new ArrayList<>())
              .add(rs.getString("group_id_"));
        });
    groups.values().forEach(list -> list.sort(null)); // as Java orders names, not the database
    return groups;
  }
}
