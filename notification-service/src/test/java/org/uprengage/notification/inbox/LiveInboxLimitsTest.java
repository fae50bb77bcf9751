package org.uprengage.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live inbox's limits, with emitters that record what is written to them. */
class LiveInboxLimitsTest {

  private final LiveInbox inbox = new LiveInbox(Duration.ofMinutes(30), 8);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    inbox.destroy();
  }

  /** An emitter whose writes are counted, and block until released when it is a stuck client. */
  private final class Client extends SseEmitter {
    final boolean stuck;
    final AtomicInteger sent = new AtomicInteger();
    volatile boolean completed;

    Client(boolean stuck) {
      this.stuck = stuck;
    }

    @Override
    public void send(SseEventBuilder event) throws IOException {
      if (stuck) {
        try {
          release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      sent.incrementAndGet();
    }

    @Override
    public void complete() {
      completed = true;
    }
  }

  private static Notification notification() {
    Instant now = Instant.now();
    return new Notification(
        UUID.randomUUID(), "task-available", "t", "b", null, null, now, now, null);
  }

  @Test
  void aClientThatStopsReadingHoldsUpNeitherThePusherNorOtherStreams() {
    Client stuck = new Client(true);
    Client reading = new Client(false);
    inbox.register("slow", stuck);
    inbox.register("quick", reading);

    CompletableFuture<Void> pushes =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 3; i++) {
                inbox.push("slow", notification());
                inbox.push("quick", notification());
              }
            });
    await().atMost(Duration.ofSeconds(5)).until(pushes::isDone); // the consumer moves on
    await().atMost(Duration.ofSeconds(5)).until(() -> reading.sent.get() == 3);

    for (int i = 0; i < LiveInbox.QUEUE + 1; i++) {
      inbox.push("slow", notification());
    }
    assertThat(stuck.completed).isTrue(); // its queue overflowed: ended, and forgotten
    assertThat(inbox.openStreams()).isEqualTo(1);
  }

  @Test
  void aPersonKeepsTheirNewestStreamsOnlyAndTheNodeCapsTheTotal() {
    List<Client> mine = new ArrayList<>();
    for (int i = 0; i < LiveInbox.PER_PERSON + 1; i++) {
      Client client = new Client(false);
      mine.add(client);
      inbox.register("someone", client);
    }
    assertThat(mine.get(0).completed).isTrue(); // the oldest was ended
    assertThat(mine.subList(1, mine.size())).noneMatch(c -> c.completed);
    assertThat(inbox.openStreams()).isEqualTo(LiveInbox.PER_PERSON);

    inbox.register("other", new Client(false));
    inbox.register("third", new Client(false));
    inbox.register("fourth", new Client(false));
    assertThatThrownBy(() -> inbox.register("fifth", new Client(false)))
        .isInstanceOf(ErrorResponseException.class)
        .satisfies(
            e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(503));
    assertThat(inbox.people()).isEqualTo(4);
  }

  @Test
  void aPersonWhoseStreamsAllEndedIsForgotten() {
    LiveInbox.Stream first = inbox.register("leaving", new Client(false));
    LiveInbox.Stream second = inbox.register("leaving", new Client(false));
    first.close();
    second.close();
    assertThat(inbox.people()).isZero();
    assertThat(inbox.openStreams()).isZero();
  }

  @Test
  void stoppingTheServiceEndsEveryStreamAndOpensNoMoreUntilItStartsAgain() {
    inbox.start();
    Client one = new Client(false);
    Client other = new Client(false);
    inbox.register("one", one);
    inbox.register("other", other);

    inbox.stop();
    assertThat(one.completed).isTrue();
    assertThat(other.completed).isTrue();
    assertThat(inbox.openStreams()).isZero();
    assertThat(inbox.isRunning()).isFalse();
    assertThatThrownBy(() -> inbox.register("late", new Client(false)))
        .isInstanceOf(ErrorResponseException.class)
        .satisfies(
            e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(503));

    inbox.start();
    Client again = new Client(false);
    inbox.register("late", again);
    assertThat(again.completed).isFalse();
    assertThat(inbox.openStreams()).isEqualTo(1);
  }
}
