package org.uprengage.webapi.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Input is taken only in the shape the API documents: a date is an ISO-8601 string, never a number
 * Jackson would read as days since 1970; a request the firewall refuses (an encoded slash or
 * semicolon in the path, say) is answered with problem+json like every other error.
 */
@Configuration
class StrictInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer isoDatesOnly() {
    return builder ->
        builder.modulesToInstall(
            modules ->
                modules.add(
                    new SimpleModule("iso-dates-only")
                        .addDeserializer(LocalDate.class, new IsoDateDeserializer())));
  }

  @Bean
  RequestRejectedHandler problemForRejectedRequests() {
    return (request, response, rejected) -> {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getOutputStream()
          .write(
              "{\"type\":\"https://uprengage.org/problems/invalid-input\",\"title\":\"Invalid input\",\"status\":400,\"detail\":\"The request's address holds characters this API never uses (such as an encoded slash, semicolon or backslash).\"}"
                  .getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Reads {@code "2027-01-15"} and nothing else, in years any deadline of this work can have. */
  static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2200;

    IsoDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate)
            context.handleUnexpectedToken(
                LocalDate.class, parser.currentToken(), parser, "a date is a string: YYYY-MM-DD");
      }
      String text = parser.getText().strip();
      try {
        LocalDate date = LocalDate.parse(text);
        if (text.length() == 10 && date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
          return date;
        }
      } catch (DateTimeParseException e) {
        // answered below
      }
      return (LocalDate)
          context.handleWeirdStringValue(
              LocalDate.class,
              text,
              "is not a date of the form YYYY-MM-DD between " + MIN_YEAR + " and " + MAX_YEAR);
    }
  }
}
