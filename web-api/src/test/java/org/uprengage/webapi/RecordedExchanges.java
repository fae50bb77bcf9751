package org.uprengage.webapi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

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
    return taken.stream().map(OpenApiContract::of).toList();
  }
}
