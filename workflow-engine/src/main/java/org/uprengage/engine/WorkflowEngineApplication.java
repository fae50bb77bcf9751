package org.uprengage.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The workflow engine: Camunda 7 on PostgreSQL, the UPR domain and the event outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WorkflowEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkflowEngineApplication.class, args);
  }
}
