package org.uprengage.webapi.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/** Where the services are, and how long web-api waits for them. */
@ConfigurationProperties("upr.services")
public record ServiceUrls(
    @DefaultValue("http://127.0.0.1:8081") URI engine,
    @DefaultValue("http://127.0.0.1:8082") URI notifications,
    @DefaultValue("10s") Duration timeout) {

  /**
   * A client for the service at {@code baseUrl} that waits at most {@link #timeout()}. What it
   * sends keeps a body's null members: web-api leaves null properties out of its own answers, but a
   * relayed merge patch or form uses null to clear a value, and dropping it would change nothing
   * without saying so.
   *
   * <p>The JDK's {@code HttpClient}: HTTP/1.1, its connections kept alive and reused. It is given a
   * pool of threads of its own, which Spring's request factory also writes request bodies with;
   * without one, that factory started a new thread for every request with a body.
   */
  public RestClient client(RestClient.Builder builder, URI baseUrl) {
    ClientHttpRequestFactorySettings settings =
        ClientHttpRequestFactorySettings.defaults()
            .withConnectTimeout(timeout)
            .withReadTimeout(timeout);
    CustomizableThreadFactory threads =
        new CustomizableThreadFactory("relay-" + baseUrl.getPort() + "-");
    threads.setDaemon(true);
    ExecutorService pool = Executors.newCachedThreadPool(threads);
    return builder
        .clone()
        .baseUrl(baseUrl.toString())
        .requestFactory(
            ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.executor(pool))
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
