import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A stand-in for workflow-engine that answers the task loop's three calls at once. */
public class StubEngine {
  static final String TASK =
      "{\"id\":\"0a1b2c3d-1111-2222-3333-444455556666\",\"taskKey\":\"draft_contribution\",\"name\":\"Draft the contribution\",\"reviewId\":\"d9f1c1c4-8e1e-4a4e-9d55-2f0f4f8f0a11\",\"countryTeam\":\"GHA\",\"agency\":\"UNICEF\",\"assignee\":null,\"candidateGroups\":[\"agency:UNICEF\"],\"created\":\"2026-12-04T10:00:00Z\",\"due\":\"2027-01-31T17:00:00Z\",\"overdue\":false,\"version\":3}";
  static final byte[] PAGE =
      ("{\"items\":[" + TASK + "],\"page\":0,\"size\":1,\"total\":12}").getBytes(StandardCharsets.UTF_8);
  static final byte[] CLAIMED = TASK.replace("\"assignee\":null", "\"assignee\":\"focal-unicef\"").getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 100);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("/complete")) {
            exchange.sendResponseHeaders(204, -1);
          } else {
            byte[] body = path.endsWith("/claim") ? CLAIMED : PAGE;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"3\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }
}
