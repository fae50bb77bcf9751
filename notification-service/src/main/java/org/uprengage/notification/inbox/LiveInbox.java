package org.uprengage.notification.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import org.uprengage.notification.web.Problems;

/**
 * Live updates: each person's open event streams (server-sent events), to which every new in-app
 * notification of theirs is pushed once its transaction committed. Streams live on the node that
 * opened them and hear of the notifications that node makes.
 *
 * <p>At most {@value #PER_PERSON} streams per person (opening one more ends their oldest) and
 * {@code upr.notifications.max-streams} in all (then 503). Pushes never write on the caller's
 * thread (the Kafka consumer's): each stream has its own queue, written by a small pool, so a
 * client that stops reading holds up only its own stream, which is ended once its queue is full.
 *
 * <p>When the service begins to stop, before the web server waits for the requests still open, it
 * ends every stream and opens no more: clients reconnect (EventSource does) to a node still
 * serving, and the shutdown does not wait out streams that would never end by themselves.
 */
@Component
class LiveInbox implements SmartLifecycle, DisposableBean {

  static final String EVENT = "notification";
  static final int PER_PERSON = 5;
  static final int QUEUE = 100;

  private final Map<String, Deque<Stream>> streams = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final Duration timeout;
  private final int maxStreams;
  private final ExecutorService writers;
  private volatile boolean running;
  private volatile boolean ending;

  LiveInbox(
      @Value("${upr.notifications.stream-timeout:30m}") Duration timeout,
      @Value("${upr.notifications.max-streams:1000}") int maxStreams) {
    this.timeout = timeout;
    this.maxStreams = maxStreams;
    AtomicInteger threads = new AtomicInteger();
    this.writers =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "live-inbox-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Opens a stream for the person; it ends after the timeout (clients reconnect). */
  SseEmitter open(String username) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    greet(emitter);
    Stream stream = register(username, emitter);
    emitter.onCompletion(stream::close);
    emitter.onTimeout(stream::close);
    emitter.onError(e -> stream.close());
    return emitter;
  }

  /**
   * A first comment, sent on the request's own thread before the emitter is handed back: Spring
   * writes it, and the answer's headers with it, while the request is still on its way out through
   * the security filters, which add theirs. Writers then only add events to an answer already
   * committed; were a writer's first event to commit it, it and the request's way out could write
   * the headers at once and corrupt them.
   */
  private static void greet(SseEmitter emitter) {
    try {
      emitter.send(SseEmitter.event().comment("connected"));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not before the answer exists: the comment is held
    }
  }

  /** Adds the emitter to the person's streams, ending their oldest beyond the cap. */
  Stream register(String username, SseEmitter emitter) {
    if (ending) {
      throw Problems.problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The node is stopping",
          "This node is stopping and opens no more live streams; reconnect shortly.");
    }
    if (open.incrementAndGet() > maxStreams) {
      open.decrementAndGet();
      throw Problems.problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Too many live streams",
          "This node serves as many live streams as it can; try again later.");
    }
    Stream stream = new Stream(username, emitter);
    Stream[] evicted = new Stream[1];
    streams.compute(
        username,
        (u, mine) -> {
          Deque<Stream> deque = mine == null ? new ConcurrentLinkedDeque<>() : mine;
          deque.addLast(stream);
          if (deque.size() > PER_PERSON) {
            evicted[0] = deque.pollFirst();
          }
          return deque;
        });
    if (evicted[0] != null) {
      evicted[0].end();
    }
    if (ending) {
      stream.end(); // the node began to stop meanwhile: the stream ends as it starts
    }
    return stream;
  }

  /** Queues the notification for each of the person's open streams. */
  void push(String username, Notification notification) {
    Deque<Stream> mine = streams.get(username);
    if (mine == null) {
      return;
    }
    for (Stream stream : mine) {
      stream.offer(
          SseEmitter.event()
              .id(notification.id().toString())
              .name(EVENT)
              .data(notification, MediaType.APPLICATION_JSON));
    }
  }

  /** A comment now and then keeps proxies from closing idle streams. */
  @Scheduled(fixedDelayString = "${upr.notifications.stream-keep-alive:25s}")
  void keepAlive() {
    streams
        .values()
        .forEach(mine -> mine.forEach(s -> s.offer(SseEmitter.event().comment("keep-alive"))));
  }

  /** Open streams, all people together. */
  int openStreams() {
    return open.get();
  }

  /** People with open streams. */
  int people() {
    return streams.size();
  }

  @Override
  public void start() {
    ending = false;
    running = true;
  }

  /** Ends every open stream and opens no more (see the class's comment). */
  @Override
  public void stop() {
    ending = true;
    running = false;
    List<Stream> all = streams.values().stream().flatMap(Deque::stream).toList();
    all.forEach(Stream::end);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    writers.shutdownNow();
  }

  /** One open stream, with its queue of events to write, written by one writer at a time. */
  final class Stream {
    private final String username;
    private final SseEmitter emitter;
    private final Queue<SseEventBuilder> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    Stream(String username, SseEmitter emitter) {
      this.username = username;
      this.emitter = emitter;
    }

    void offer(SseEventBuilder event) {
      if (closed.get()) {
        return;
      }
      if (queued.incrementAndGet() > QUEUE) {
        end(); // the client stopped reading
        return;
      }
      queue.add(event);
      drain();
    }

    private void drain() {
      if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
        return;
      }
      try {
        writers.execute(this::write);
      } catch (RejectedExecutionException e) {
        writing.set(false);
      }
    }

    private void write() {
      try {
        SseEventBuilder event;
        while (!closed.get() && (event = queue.poll()) != null) {
          queued.decrementAndGet();
          try {
            emitter.send(event);
          } catch (IOException | IllegalStateException gone) {
            close();
          }
        }
      } finally {
        writing.set(false);
      }
      if (!closed.get()) {
        drain(); // offered while this writer was finishing
      }
    }

    /** Ends the stream (the client reconnects, or has gone). */
    void end() {
      close();
      try {
        emitter.complete();
      } catch (IllegalStateException alreadyDone) {
        // completed meanwhile
      }
    }

    /** Forgets the stream; its person's entry goes with their last stream. */
    void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      open.decrementAndGet();
      queue.clear();
      streams.computeIfPresent(
          username,
          (u, mine) -> {
            mine.remove(this);
            return mine.isEmpty() ? null : mine;
          });
    }
  }
}
