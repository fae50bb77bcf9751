package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The plain engine-rest peer (bench/engine-rest-peer), without authentication: process instances of
 * {@code pair-loop}, each offering one task at a time to its group (UNICEF or UNDP); completing a
 * task offers the instance's next one, so the tasks never run out.
 */
final class PeerSide implements Side {

  static final String PROCESS = "pair-loop";

  private final JsonHttp rest;

  PeerSide(String peerUrl) {
    this.rest = new JsonHttp(peerUrl + "/engine-rest");
  }

  @Override
  public String name() {
    return "plain engine-rest";
  }

  @Override
  public List<String> seed(int tasks, int threads) throws Exception {
    return PlatformSide.parallel(
        threads,
        IntStream.range(0, tasks).boxed().toList(),
        i -> {
          String key = "pair-" + i;
          rest.send(
              "POST",
              "/process-definition/key/" + PROCESS + "/start",
              null,
              "{\"businessKey\":\"%s\",\"variables\":{\"group\":{\"value\":\"%s\",\"type\":\"String\"}}}"
                  .formatted(key, group(i)),
              200);
          return key;
        });
  }

  private static String group(int instance) {
    return AGENCIES.get(instance % AGENCIES.size());
  }

  /** Worker {@code index} takes instances index, index + count, ... round and round. */
  @Override
  public Worker worker(int index, int count, List<String> keys) {
    List<Integer> mine = new ArrayList<>();
    for (int i = index; i < keys.size(); i += count) {
      mine.add(i);
    }
    String claim = "{\"userId\":\"worker-" + index + "\"}";
    String complete =
        "{\"variables\":{\"text\":{\"value\":"
            + JsonHttp.quote(SECTION_TEXT)
            + ",\"type\":\"String\"}}}";
    return new Worker() {
      private int next;

      @Override
      public void claimAndGiveBack() throws Exception {
        int instance = mine.get(next++ % mine.size());
        String task = claimable(instance);
        rest.send("POST", "/task/" + task + "/claim", null, claim, 204);
        rest.send("POST", "/task/" + task + "/unclaim", null, null, 204);
      }

      private String claimable(int instance) throws Exception {
        JsonNode tasks =
            rest.send(
                "GET",
                "/task?processInstanceBusinessKey="
                    + keys.get(instance)
                    + "&candidateGroup="
                    + group(instance)
                    + "&firstResult=0&maxResults=1",
                null,
                null,
                200);
        if (tasks.size() != 1) {
          throw new IllegalStateException("No task to claim in " + keys.get(instance));
        }
        return tasks.get(0).get("id").asText();
      }

      @Override
      public long[] pair() throws Exception {
        int instance = mine.get(next++ % mine.size());
        long start = System.nanoTime();
        String task = claimable(instance);
        long listed = System.nanoTime();
        rest.send("POST", "/task/" + task + "/claim", null, claim, 204);
        long claimed = System.nanoTime();
        rest.send("POST", "/task/" + task + "/complete", null, complete, 204);
        long completed = System.nanoTime();
        return new long[] {
          (listed - start) / 1_000_000,
          (claimed - listed) / 1_000_000,
          (completed - claimed) / 1_000_000
        };
      }
    };
  }
}
