package org.uprengage.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds exchanges with web-api to the OpenAPI document it serves, with Atlassian's
 * swagger-request-validator: every answer must be one the document lists for its operation (status,
 * media type, body schema), and every request that succeeded must be one the document accepts.
 * Paths outside the API ({@code /api/**}, {@code /calendar/**}), such as Swagger UI, are not held
 * to it. Takes exchanges recorded by any client: web-api's tests record MockMvc's, the end-to-end
 * tests those of their HTTP client.
 */
public final class OpenApiContract {

  private final OpenApiInteractionValidator validator;

  /** {@code document}: the OpenAPI document as served at {@code /v3/api-docs} (JSON). */
  public OpenApiContract(String document) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
  }

  /** What is wrong with the exchange by the document; empty when nothing is. */
  public List<String> violations(Exchange exchange) {
    if (!exchange.path().startsWith("/api/") && !exchange.path().startsWith("/calendar/")) {
      return List.of();
    }
    boolean succeeded = exchange.status() >= 200 && exchange.status() < 300;
    Request request = request(exchange);
    ValidationReport report =
        succeeded
            ? validator.validate(request, response(exchange))
            : validator.validateResponse(exchange.path(), request.getMethod(), response(exchange));
    List<String> violations = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      // A refused request to a path or method the API does not have has no operation to hold its
      // answer to; the problem+json it gets is checked by the tests that send it.
      if (!succeeded
          && (message.getKey().endsWith(".path.missing")
              || message.getKey().endsWith(".operation.notAllowed"))) {
        continue;
      }
      violations.add(
          exchange.method()
              + " "
              + exchange.path()
              + " -> "
              + exchange.status()
              + ": "
              + message.getKey()
              + ": "
              + message.getMessage());
    }
    return violations;
  }

  /** Fails with every violation of every exchange. */
  public void assertConforms(List<Exchange> exchanges) {
    List<String> violations = new ArrayList<>();
    exchanges.forEach(exchange -> violations.addAll(violations(exchange)));
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Answers and requests that differ from /v3/api-docs:\n" + String.join("\n", violations));
    }
  }

  private static Request request(Exchange exchange) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
    exchange.requestHeaders().forEach(request::withHeader);
    exchange.query().forEach(request::withQueryParam);
    if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
      request.withBody(exchange.requestBody());
    }
    return request.build();
  }

  private static SimpleResponse response(Exchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    return response.build();
  }

  /**
   * One request and its answer, as any client recorded them: {@code path} without the query, the
   * query's parameters apart, bodies as text (null or empty for none).
   */
  public record Exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}
}
