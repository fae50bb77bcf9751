package org.uprengage.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the firewall refuses (an encoded slash, semicolon or quote in the path, say) is
 * answered with problem+json like every other error, as in the engine and web-api, not with the
 * servlet container's bare 400.
 */
@Configuration
class RejectedRequests {

  @Bean
  RequestRejectedHandler problemForRejectedRequests() {
    return (request, response, rejected) ->
        Problems.write(
            Problems.problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                "The request's address holds characters this API never uses (such as an encoded"
                    + " slash, semicolon or backslash)."),
            response);
  }
}
