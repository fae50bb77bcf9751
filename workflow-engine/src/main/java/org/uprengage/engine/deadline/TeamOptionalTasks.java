package org.uprengage.engine.deadline;

import java.util.List;

/** A country team's optional tasks, each with whether it wants it and when it falls due. */
public record TeamOptionalTasks(String countryTeam, List<Choice> tasks) {

  /**
   * One optional task.
   *
   * @param daysBefore how many days before {@code before} it falls due (the team's milestone offset
   *     of the same name)
   */
  public record Choice(String task, boolean wanted, int daysBefore, String before) {}
}
