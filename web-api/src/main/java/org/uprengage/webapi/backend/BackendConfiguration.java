package org.uprengage.webapi.backend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.uprengage.webapi.security.Callers;

/** The two services web-api relays to. */
@Configuration
class BackendConfiguration {

  @Bean
  Backend engine(RestClient.Builder builder, ServiceUrls urls, Callers callers) {
    return new Backend("workflow engine", urls.client(builder, urls.engine()), callers);
  }

  @Bean
  Backend notifications(RestClient.Builder builder, ServiceUrls urls, Callers callers) {
    return new Backend("notification service", urls.client(builder, urls.notifications()), callers);
  }
}
