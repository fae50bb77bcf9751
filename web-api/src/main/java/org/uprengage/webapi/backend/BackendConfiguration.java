package org.uprengage.webapi.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.uprengage.webapi.security.Callers;

/** The two services web-api relays to. */
@Configuration
class BackendConfiguration {

  @Bean
  Backend engine(RestClient.Builder builder, ServiceUrls urls, Callers callers, ObjectMapper json) {
    return new Backend(
        "workflow engine", client(builder, urls, urls.engine().toString()), callers, json);
  }

  @Bean
  Backend notifications(
      RestClient.Builder builder, ServiceUrls urls, Callers callers, ObjectMapper json) {
    return new Backend(
        "notification service",
        client(builder, urls, urls.notifications().toString()),
        callers,
        json);
  }

  private static RestClient client(RestClient.Builder builder, ServiceUrls urls, String baseUrl) {
    ClientHttpRequestFactorySettings settings =
        ClientHttpRequestFactorySettings.defaults()
            .withConnectTimeout(urls.timeout())
            .withReadTimeout(urls.timeout());
    return builder
        .clone()
        .baseUrl(baseUrl)
        .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
        .build();
  }
}
