package org.uprengage.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * After all tests of this module, reports which flow nodes and sequence flows of each process model
 * the tests passed, from the engine's history in the run's database: {@code
 * target/process-coverage/<process>.md} and one line per process on the console.
 */
public class ProcessCoverageReport implements TestExecutionListener {

  private static final List<String> MODELS =
      List.of(
          "bpmn/upr-review/upr-review.bpmn",
          "bpmn/upr-un-submission/upr-un-submission.bpmn",
          "bpmn/upr-wg-review/upr-wg-review.bpmn",
          "bpmn/upr-adoption/upr-adoption.bpmn",
          "bpmn/upr-follow-up/upr-follow-up.bpmn",
          "bpmn/upr-implementation-round/upr-implementation-round.bpmn");

  // Not upr-deadline-watch: retired (deadline watches are rows of upr_deadline_watch); it stays
  // deployed only for instances started before the upgrade, which DeadlineWatchMigration moves
  // into the table and ends at start (DeadlineWatchesTest).

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!TestInfrastructure.databaseCreated("engine")) {
      return; // no process test ran in this JVM
    }
    try {
      for (Coverage coverage : measure()) {
        report(coverage);
      }
    } catch (IOException | SQLException e) {
      System.err.println("Process coverage not reported: " + e);
    }
  }

  /** Each process of each model, with the flow nodes the tests of this run passed. */
  static List<Coverage> measure() throws IOException, SQLException {
    List<Coverage> measured = new ArrayList<>();
    for (String model : MODELS) {
      try (InputStream bpmn =
          ProcessCoverageReport.class.getClassLoader().getResourceAsStream(model)) {
        if (bpmn == null) {
          throw new IOException("No model " + model + " on the class path");
        }
        BpmnModelInstance instance = Bpmn.readModelFromStream(bpmn);
        for (Process process : instance.getModelElementsByType(Process.class)) {
          measured.add(measure(instance, process));
        }
      }
    }
    return measured;
  }

  private static Coverage measure(BpmnModelInstance model, Process process) throws SQLException {
    Set<String> nodes = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> nodes.add(node.getId()));
    Set<String> flows = new TreeSet<>();
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> flows.add(flow.getId()));
    Set<String> passedNodes =
        passed(
            process.getId(),
            "SELECT DISTINCT a.act_id_ FROM act_hi_actinst a JOIN act_re_procdef d ON d.id_ = a.proc_def_id_ WHERE d.key_ = ?");
    passedNodes.retainAll(nodes);
    return new Coverage(process.getId(), nodes, passedNodes, flows, takenFlows(model, passedNodes));
  }

  private static void report(Coverage coverage) throws IOException {
    List<String> missedNodes = coverage.missed();
    String line =
        "Process coverage of %s: %d of %d flow nodes (%d%%)%s"
            .formatted(
                coverage.processId(),
                coverage.passed().size(),
                coverage.nodes().size(),
                100 * coverage.passed().size() / coverage.nodes().size(),
                missedNodes.isEmpty() ? "" : "; not passed: " + missedNodes);
    System.out.println(line);
    Path out = Path.of("target", "process-coverage", coverage.processId() + ".md");
    Files.createDirectories(out.getParent());
    StringBuilder report =
        new StringBuilder(
            "# Process coverage: "
                + coverage.processId()
                + "\n\n"
                + line
                + "\n\n| flow node | passed |\n|---|---|\n");
    coverage
        .nodes()
        .forEach(
            node ->
                report
                    .append("| ")
                    .append(node)
                    .append(" | ")
                    .append(coverage.passed().contains(node) ? "yes" : "**no**")
                    .append(" |\n"));
    report
        .append("\nSequence flows between passed nodes (an upper bound of those taken): ")
        .append(coverage.taken().size())
        .append(" of ")
        .append(coverage.flows().size())
        .append("\n");
    Files.writeString(out, report);
  }

  /** Flows whose both ends were passed: the history keeps activities, not flows. */
  private static Set<String> takenFlows(BpmnModelInstance model, Set<String> passedNodes) {
    Set<String> taken = new TreeSet<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (passedNodes.contains(flow.getSource().getId())
          && passedNodes.contains(flow.getTarget().getId())) {
        taken.add(flow.getId());
      }
    }
    return taken;
  }

  private static Set<String> passed(String processKey, String sql) throws SQLException {
    Set<String> ids = new TreeSet<>();
    try (Connection connection =
            DriverManager.getConnection(
                TestInfrastructure.database("engine"),
                TestInfrastructure.postgres().user(),
                TestInfrastructure.postgres().password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, processKey);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** A process's flow nodes and sequence flows, and those the tests passed. */
  record Coverage(
      String processId,
      Set<String> nodes,
      Set<String> passed,
      Set<String> flows,
      Set<String> taken) {

    /** The flow nodes no test passed, by id. */
    List<String> missed() {
      List<String> missed = new ArrayList<>(nodes);
      missed.removeAll(passed);
      return missed;
    }
  }
}
