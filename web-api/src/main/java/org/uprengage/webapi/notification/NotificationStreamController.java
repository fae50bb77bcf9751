package org.uprengage.webapi.notification;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.uprengage.webapi.backend.ServiceUrls;
import org.uprengage.webapi.security.Callers;
import org.uprengage.webapi.web.ApiProblem;

/**
 * Live updates for the browser: relays the caller's stream of new in-app notifications from
 * notification-service, event by event as each arrives (never buffered), as server-sent events.
 *
 * <p>When web-api begins to stop, before the web server waits for the requests still open, it ends
 * every relayed stream and relays no more: browsers reconnect (EventSource does) to a node still
 * serving, and the shutdown does not wait out streams that would never end by themselves.
 */
@RestController
@Tag(name = "Notifications")
class NotificationStreamController implements SmartLifecycle {

  private final Callers callers;
  private final ServiceUrls urls;
  private final Duration lifetime;
  private final HttpClient http;
  private final Semaphore slots;
  private final ExecutorService relays;
  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private volatile boolean ending;

  NotificationStreamController(
      Callers callers,
      ServiceUrls urls,
      @Value("${upr.notifications.stream-timeout:30m}") Duration lifetime,
      @Value("${upr.notifications.max-relays:200}") int maxRelays) {
    this.callers = callers;
    this.urls = urls;
    this.lifetime = lifetime;
    this.http = HttpClient.newBuilder().connectTimeout(urls.timeout()).build();
    this.slots = new Semaphore(maxRelays);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            maxRelays,
            maxRelays,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "notification-stream-relay");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.relays = pool;
  }

  @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Your new in-app notifications, live (server-sent events)",
      description =
          "Each new notification arrives as an event named notification, its id the notification's id and its data the notification as GET /api/notifications lists it. A comment opens the stream at once and others keep it alive; it ends after 30 minutes and clients (EventSource) reconnect. A person has at most 5 streams open: opening another ends their oldest. 503 when the node serves as many streams as it can, or is stopping (open streams end then; reconnect).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The stream",
              content =
                  @Content(
                      mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                      schema = @Schema(type = "string"))))
  SseEmitter stream() {
    if (ending) {
      throw ApiProblem.unavailable("This node is stopping; reconnect shortly.", null);
    }
    if (!slots.tryAcquire()) {
      throw tooMany();
    }
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.compareAndSet(true, false)) {
            slots.release();
          }
        };
    try {
      return relayed(release);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  /** The same stream for the pages (the Notifications page listens to it), in their session. */
  @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Hidden
  SseEmitter pageStream() {
    return stream();
  }

  private SseEmitter relayed(Runnable release) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(urls.notifications() + "/api/notifications/stream"))
            .timeout(urls.timeout()) // until the status line and headers; the body streams on
            .header("Authorization", "Bearer " + callers.bearerToken())
            .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
            .GET()
            .build();
    HttpResponse<InputStream> upstream;
    try {
      upstream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
    if (upstream.statusCode() != 200) {
      throw problemOf(upstream);
    }
    SseEmitter stream = new SseEmitter(lifetime.toMillis());
    greet(stream);
    Future<?> relay =
        relays.submit(
            () -> {
              try {
                relay(upstream.body(), stream);
              } finally {
                release.run();
              }
            });
    Runnable stop =
        () -> {
          open.remove(stream);
          relay.cancel(true);
          close(upstream.body());
          release.run();
        };
    stream.onCompletion(stop);
    stream.onTimeout(stop);
    stream.onError(e -> stop.run());
    open.add(stream);
    if (ending) {
      stream.complete(); // web-api began to stop meanwhile: the stream ends as it starts
    }
    return stream;
  }

  /**
   * A first comment, sent before the emitter is handed back: Spring writes it, and the answer's
   * headers with it, on the request's own thread, while the security filters can still add theirs.
   * The relay thread then only adds events to an answer already committed; without it, the relay's
   * first event and the request's way out could write the headers at once and corrupt them.
   */
  private static void greet(SseEmitter stream) {
    try {
      stream.send(SseEmitter.event().comment("open"));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not before the answer exists: the comment is held
    }
  }

  /** Copies each event as soon as its blank line ends it; comments pass through too. */
  private static void relay(InputStream upstream, SseEmitter stream) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8))) {
      SseEmitter.SseEventBuilder event = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (event != null) {
            stream.send(data == null ? event : event.data(data.toString(), MediaType.TEXT_PLAIN));
          }
          event = null;
          data = null;
          continue;
        }
        if (event == null) {
          event = SseEmitter.event();
        }
        if (line.startsWith(":")) {
          event.comment(line.substring(1));
        } else if (line.startsWith("id:")) {
          event.id(line.substring(3).strip());
        } else if (line.startsWith("event:")) {
          event.name(line.substring(6).strip());
        } else if (line.startsWith("data:")) {
          String value = line.substring(5);
          data =
              data == null
                  ? new StringBuilder(value.startsWith(" ") ? value.substring(1) : value)
                  : data.append('\n').append(value);
        }
      }
      stream.complete();
    } catch (IOException | IllegalStateException closed) {
      stream.complete(); // the browser or the service went away
    }
  }

  private static void close(InputStream upstream) {
    try {
      upstream.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static ApiProblem problemOf(HttpResponse<InputStream> upstream) {
    byte[] body;
    try (InputStream in = upstream.body()) {
      body = in.readAllBytes();
    } catch (IOException e) {
      body = new byte[0];
    }
    return ApiProblem.relayed(
        "notification service", HttpStatusCode.valueOf(upstream.statusCode()), body);
  }

  private static ApiProblem tooMany() {
    return ApiProblem.unavailable(
        "This node relays as many live streams as it can; try again shortly.", null);
  }

  private static ApiProblem unavailable(Exception cause) {
    return ApiProblem.unavailable(
        "The notification service did not answer; try again shortly.", cause);
  }

  @Override
  public void start() {
    ending = false;
    running = true;
  }

  /** Ends every relayed stream and relays no more (see the class's comment). */
  @Override
  public void stop() {
    ending = true;
    running = false;
    open.forEach(SseEmitter::complete);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @PreDestroy
  void stopRelays() {
    relays.shutdownNow();
  }
}
