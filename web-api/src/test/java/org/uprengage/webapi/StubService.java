package org.uprengage.webapi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service behind web-api, on a loopback port: answers every request with the
 * status and body set last, and records what it received. For tests of web-api's own behaviour
 * only; the end-to-end test runs the real services.
 */
public final class StubService {

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "{}";
  private volatile String etag;
  private volatile CountDownLatch hold;
  private volatile String rest = "";
  private final Queue<String[]> once = new ConcurrentLinkedQueue<>();

  public StubService() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("If-Match"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst("traceparent")));
          CountDownLatch held = hold;
          if (held != null) { // a stream: the first part now, the rest once released
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, 0);
            exchange.getResponseBody().write(body.getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
              held.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write(rest.getBytes(StandardCharsets.UTF_8));
            exchange.close();
            return;
          }
          String[] next = once.poll();
          int status = next == null ? this.status : Integer.parseInt(next[0]);
          String contentType = next == null ? this.contentType : next[1];
          byte[] bytes = (next == null ? body : next[2]).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
          }
          exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
          if (status != 204) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void answer(int status, String contentType, String body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  /**
   * Answers as a stream: {@code first} at once, then {@code then} and the end of the answer once
   * {@code release} is counted down.
   */
  public void stream(String contentType, String first, CountDownLatch release, String then) {
    answer(200, contentType, first);
    this.rest = then;
    this.hold = release;
  }

  /** Answers the next request so, before the answers set by {@link #answer}; in order. */
  public void answerOnce(int status, String contentType, String body) {
    once.add(new String[] {String.valueOf(status), contentType, body});
  }

  public void etag(String etag) {
    this.etag = etag;
  }

  public List<Received> received() {
    return received;
  }

  public Received last() {
    return received.get(received.size() - 1);
  }

  public void reset() {
    received.clear();
    once.clear();
    answer(200, "application/json", "{}");
    etag = null;
    hold = null;
    rest = "";
  }

  /** One request the stand-in received. */
  public record Received(
      String method,
      String uri,
      String authorization,
      String ifMatch,
      String contentType,
      String forwardedFor,
      String body,
      String traceparent) {}
}
