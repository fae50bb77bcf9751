package org.uprengage.webapi.backend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.web.client.RestClient;

/** Where the services are, and how long web-api waits for them. */
@ConfigurationProperties("upr.services")
public record ServiceUrls(
    @DefaultValue("http://127.0.0.1:8081") URI engine,
    @DefaultValue("http://127.0.0.1:8082") URI notifications,
    @DefaultValue("10s") Duration timeout) {

  /** A client for the service at {@code baseUrl} that waits at most {@link #timeout()}. */
  public RestClient client(RestClient.Builder builder, URI baseUrl) {
    ClientHttpRequestFactorySettings settings =
        ClientHttpRequestFactorySettings.defaults()
            .withConnectTimeout(timeout)
            .withReadTimeout(timeout);
    return builder
        .clone()
        .baseUrl(baseUrl.toString())
        .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
        .build();
  }
}
