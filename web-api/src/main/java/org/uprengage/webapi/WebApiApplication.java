package org.uprengage.webapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public REST API of UPR Engage: authentication, validation, OpenAPI, relayed to the services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebApiApplication.class, args);
  }
}
