package org.uprengage.notification.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts one signed delivery to its URL and says how it went, within a total deadline of {@code
 * upr.webhooks.timeout} (connecting, sending, and the receiver's status line; the response body is
 * never read). The host is resolved once, through {@link UrlPolicy#vettedAddresses}, and the
 * connection goes to those vetted addresses; the request keeps the URL's host name for the {@code
 * Host} header and TLS (SNI and certificate check). No proxy, no redirects, no retries here.
 */
@Component
class WebhookPoster implements DisposableBean {

  /** Connections open at the same time, at most. */
  static final int CONNECTIONS = 8;

  private final WebhookProperties properties;
  private final UrlPolicy urls;
  private final Clock clock;
  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines;

  WebhookPoster(WebhookProperties properties, UrlPolicy urls, Clock clock) {
    this.properties = properties;
    this.urls = urls;
    this.clock = clock;
    Timeout timeout = Timeout.of(properties.timeout());
    DnsResolver vetting =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            return urls.vettedAddresses(host);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host; // never asked for: no Kerberos or SPNEGO here
          }
        };
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(vetting)
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout)
                    .setResponseTimeout(timeout)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-deadlines");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Posts {@code body} to {@code url}, signed; the failure, or empty when the receiver took it. */
  Optional<Failure> post(String url, UUID deliveryId, String secret, String body) {
    Optional<String> refusal = urls.formRefusal(url);
    if (refusal.isPresent()) {
      return Optional.of(new Failure(null, "the URL " + refusal.get()));
    }
    HttpPost request;
    try {
      request = new HttpPost(url);
    } catch (IllegalArgumentException e) {
      return Optional.of(new Failure(null, "the URL is not valid"));
    }
    sign(request, deliveryId, secret, body);
    // Socket timeouts count per read: a receiver trickling its answer is cut off here instead.
    ScheduledFuture<?> deadline =
        deadlines.schedule(request::cancel, properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      ClassicHttpResponse response = http.executeOpen(null, request, null);
      int status = response.getCode();
      request.cancel(); // the body is not read: drop the connection rather than drain it
      closeQuietly(response);
      return status >= 200 && status < 300
          ? Optional.empty()
          : Optional.of(new Failure(status, "answered HTTP " + status));
    } catch (UrlPolicy.RefusedAddressException e) {
      return Optional.of(new Failure(null, "the URL " + e.getMessage()));
    } catch (IOException e) {
      return Optional.of(
          new Failure(
              null,
              request.isCancelled()
                  ? "timed out after " + properties.timeout().toSeconds() + " s"
                  : describe(e)));
    } finally {
      deadline.cancel(false);
    }
  }

  /** Headers and body of one attempt, signed now (Standard Webhooks). */
  private void sign(HttpPost request, UUID deliveryId, String secret, String body) {
    String id = deliveryId.toString();
    long timestamp = clock.instant().getEpochSecond();
    request.setHeader("User-Agent", "UPR-Engage-Webhooks/1");
    request.setHeader(WebhookSignature.ID, id);
    request.setHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
    request.setHeader(
        WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, id, timestamp, body));
    request.setEntity(
        new StringEntity(body, ContentType.create("application/cloudevents+json", "UTF-8")));
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the connection was dropped on purpose
    }
  }

  /**
   * What went wrong, as a class of error: never the exception's message, which would tell a
   * subscriber what answers at an address (a port scanner's oracle).
   */
  static String describe(IOException e) {
    if (e instanceof UnknownHostException) {
      return "the host name did not resolve";
    }
    if (e instanceof ConnectException) {
      return "the connection failed";
    }
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection broke off";
  }

  @Override
  public void destroy() throws IOException {
    deadlines.shutdownNow();
    http.close();
  }

  /** Why an attempt failed: the receiver's HTTP status, if it answered, and a class of error. */
  record Failure(Integer status, String error) {}
}
