package org.uprengage.bench;

import java.util.List;

/** One system the side-by-side run measures: it seeds its tasks and gives each worker its own. */
interface Side {

  /** The two agencies (candidate groups) whose tasks the workers take, on both sides. */
  List<String> AGENCIES = List.of("UNICEF", "UNDP");

  /** The text each completion hands in, the same on both sides. */
  String SECTION_TEXT =
      "The UN country team welcomes the progress made since the last review and recommends that the"
          + " State strengthen birth registration and access to justice for children.";

  String name();

  /**
   * Creates {@code tasks} open, claimable tasks; returns what identifies them for {@link #worker}.
   */
  List<String> seed(int tasks, int threads) throws Exception;

  /**
   * Worker {@code index} of {@code count}: it takes only its own share of the seeded {@code items},
   * so workers never collide.
   */
  Worker worker(int index, int count, List<String> items) throws Exception;

  /** One worker's loop: each call lists one claimable task of its own, claims and completes it. */
  interface Worker {

    /**
     * One pair; the milliseconds of its three steps.
     *
     * @throws OutOfTasksException when the worker has no task left
     */
    long[] pair() throws Exception;

    /**
     * One round of warming that uses no task up: lists the claimable task of one of the worker's
     * items still to do, claims it and gives it back (the JVMs' compilers learn the list, the claim
     * and a command the engine commits; the depth series' pools are too small to warm up on pairs
     * alone).
     */
    void claimAndGiveBack() throws Exception;
  }

  /** The worker's set is used up: seed more tasks or measure for less time. */
  final class OutOfTasksException extends Exception {
    OutOfTasksException(String message) {
      super(message);
    }
  }
}
