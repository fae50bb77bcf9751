package org.uprengage.notification.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on a loopback port, as a subscriber would write one: it checks each request's
 * signature with the Standard Webhooks reference library, and answers what the test tells it per
 * path.
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();
  private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** How a path keeps a sender waiting, as a slow or hostile receiver would. */
  enum Stall {
    /** Answers 200 at once, then sends its body a byte at a time, without end. */
    TRICKLING_BODY,
    /** Reads the request and never answers. */
    SILENCE
  }

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Headers headers = exchange.getRequestHeaders();
          String secret = secrets.get(path);
          received
              .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
              .add(
                  new Received(
                      headers.getFirst("webhook-id"),
                      headers.getFirst("webhook-timestamp"),
                      headers.getFirst("webhook-signature"),
                      body,
                      secret != null && verifies(secret, body, headers)));
          Stall stall = stalls.get(path);
          if (stall == Stall.TRICKLING_BODY) {
            exchange.sendResponseHeaders(200, 0);
          }
          if (stall != null) {
            holdOn(stall == Stall.TRICKLING_BODY ? exchange.getResponseBody() : null);
          } else {
            exchange.sendResponseHeaders(answers.getOrDefault(path, 204), -1);
          }
          exchange.close();
        });
    server.setExecutor(
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-receiver");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  /**
   * Whether the Standard Webhooks reference library takes the request as signed with the secret.
   */
  static boolean verifies(String secret, String body, Map<String, List<String>> headers) {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch (WebhookVerificationException e) {
      return false;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /**
   * Keeps the request open, writing a byte of {@code body} (when given) now and then, until the
   * sender hangs up, the receiver closes, or a minute has passed.
   */
  private void holdOn(OutputStream body) {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    try {
      while (!closed && System.nanoTime() < end) {
        if (body != null) {
          body.write(' ');
          body.flush();
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    } catch (IOException e) {
      // the sender hung up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stall(String path, Stall stall) {
    stalls.put(path, stall);
  }

  void secret(String path, String secret) {
    secrets.put(path, secret);
  }

  void answer(String path, int status) {
    answers.put(path, status);
  }

  List<Received> at(String path) {
    return received.getOrDefault(path, List.of());
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
  }

  /** One request received, and whether its signature checked out with the path's secret. */
  record Received(String id, String timestamp, String signature, String body, boolean valid) {}
}
