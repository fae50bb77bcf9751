package org.uprengage.notification.directory;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Puts the quick start's demo people in the directory at start (profile {@code demo}). */
@Configuration
@Profile("demo")
@EnableConfigurationProperties(DemoPeople.Properties.class)
class DemoPeople implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

  private final People people;
  private final Properties properties;

  DemoPeople(People people, Properties properties) {
    this.people = people;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    properties.people().forEach(people::save);
    log.info("Demo directory: {} people", properties.people().size());
  }

  @ConfigurationProperties("upr.demo")
  record Properties(List<Person> people) {
    Properties {
      people = people == null ? List.of() : List.copyOf(people);
    }
  }
}
