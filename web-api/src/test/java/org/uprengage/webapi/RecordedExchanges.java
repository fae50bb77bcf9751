package org.uprengage.webapi;

import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.uprengage.testsupport.OpenApiContract;

/** Records every MockMvc exchange of a test, so the test's end can hold them to the document. */
@TestComponent
class RecordedExchanges implements MockMvcBuilderCustomizer {

  private final List<MvcResult> results = new CopyOnWriteArrayList<>();

  @Override
  public void customize(ConfigurableMockMvcBuilder<?> builder) {
    builder.alwaysDo(results::add);
  }

  /**
   * The exchanges recorded since the last call, which forgets them; read now, so that a streamed
   * answer holds all the test waited for.
   */
  List<OpenApiContract.Exchange> takeAll() {
    List<MvcResult> taken = List.copyOf(results);
    results.removeAll(taken);
    return taken.stream().map(RecordedExchanges::of).toList();
  }

  /** A MockMvc exchange, with its request and its answer as they were at the end. */
  private static OpenApiContract.Exchange of(MvcResult result) {
    MockHttpServletRequest request = result.getRequest();
    MockHttpServletResponse response = result.getResponse();
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    Collections.list(request.getHeaderNames())
        .forEach(name -> requestHeaders.put(name, Collections.list(request.getHeaders(name))));
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> query.put(name, List.of(values)));
    Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    response.getHeaderNames().forEach(name -> responseHeaders.put(name, response.getHeaders(name)));
    try {
      byte[] body = request.getContentAsByteArray();
      return new OpenApiContract.Exchange(
          request.getMethod(),
          request.getRequestURI(),
          query,
          requestHeaders,
          body == null ? null : new String(body, StandardCharsets.UTF_8),
          response.getStatus(),
          responseHeaders,
          response.getContentAsString());
    } catch (UnsupportedEncodingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
