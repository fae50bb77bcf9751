package org.uprengage.webapi.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;

/** Where the services are, and how long web-api waits for them. */
@ConfigurationProperties("upr.services")
public record ServiceUrls(
    @DefaultValue("http://127.0.0.1:8081") URI engine,
    @DefaultValue("http://127.0.0.1:8082") URI notifications,
    @DefaultValue("10s") Duration timeout) {

  /**
   * Connections to one service at most: as many as Tomcat's threads (200 by default), so that no
   * request of web-api waits for a connection while the service could answer.
   */
  static final int MAX_CONNECTIONS = 200;

  /**
   * A client for the service at {@code baseUrl} that waits at most {@link #timeout()}. What it
   * sends keeps a body's null members: web-api leaves null properties out of its own answers, but a
   * relayed merge patch or form uses null to clear a value, and dropping it would change nothing
   * without saying so.
   *
   * <p>Apache HttpClient 5 (classic): a pool of kept-alive HTTP/1.1 connections, each call made on
   * the thread of the request that needs it. The JDK's {@code HttpClient} it replaces handed every
   * call to its selector thread and back (and each body to a thread of its executor): under the
   * task loop that cost web-api more CPU and allocation per relayed request (docs/benchmarks.md,
   * step 9). No cookies are kept (a cookie one caller's answer set would be sent with the next
   * caller's call), no answer is decompressed (the services send none compressed, and the relay
   * passes bodies through as they came), and a connection idle for over a second is checked before
   * it is used again, so that one the service closed meanwhile is not written to.
   */
  public RestClient client(RestClient.Builder builder, URI baseUrl) {
    ClientHttpRequestFactorySettings settings =
        ClientHttpRequestFactorySettings.defaults()
            .withConnectTimeout(timeout)
            .withReadTimeout(timeout);
    Timeout waitAtMost = Timeout.of(timeout);
    return builder
        .clone()
        .baseUrl(baseUrl.toString())
        .requestFactory(
            ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(
                    connections ->
                        connections
                            .setMaxConnTotal(MAX_CONNECTIONS)
                            .setMaxConnPerRoute(MAX_CONNECTIONS)
                            .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                    .setConnectTimeout(waitAtMost)
                                    .setSocketTimeout(waitAtMost)
                                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                    .build()))
                .withDefaultRequestConfigCustomizer(
                    request -> request.setConnectionRequestTimeout(waitAtMost))
                .withHttpClientCustomizer(
                    client -> client.disableCookieManagement().disableContentCompression())
                .build(settings))
        .messageConverters(converters -> converters.replaceAll(ServiceUrls::keepingNulls))
        .build();
  }

  private static HttpMessageConverter<?> keepingNulls(HttpMessageConverter<?> converter) {
    if (converter instanceof MappingJackson2HttpMessageConverter json) {
      ObjectMapper mapper = json.getObjectMapper().copy();
      mapper.setDefaultPropertyInclusion(
          JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
      return new MappingJackson2HttpMessageConverter(mapper);
    }
    return converter;
  }
}
