package org.uprengage.bench.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Plain Camunda 7 engine-rest (under {@code /engine-rest}) with the two-task process {@value
 * PairProcess#KEY}: the peer that bench/side-by-side.sh measures the platform's task loop against.
 * No code of its own beyond this class; no authentication (loopback only).
 */
@SpringBootApplication
public class EngineRestPeerApplication {

  public static void main(String[] args) {
    SpringApplication.run(EngineRestPeerApplication.class, args);
  }
}
