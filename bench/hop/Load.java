import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The task loop's three calls through web-api, by N workers for S seconds: prints pairs done. */
public class Load {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int workers = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    List<String> reviews = new ArrayList<>();
    for (int i = 0; i < 650; i++) reviews.add(UUID.randomUUID().toString());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong pairs = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      Thread t = new Thread(() -> {
        int i = worker;
        while (System.nanoTime() < end) {
          try {
            String review = reviews.get(i++ % reviews.size());
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/tasks?show=claimable&size=1&reviewId=" + review)).GET(), token, 200);
            String task = "task-" + worker + "-" + i;
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + task + "/claim")).POST(HttpRequest.BodyPublishers.noBody()), token, 200);
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + task + "/complete")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Our contribution to the review, paragraph by paragraph.\"}")), token, 204);
            pairs.incrementAndGet();
          } catch (Exception e) {
            if (failures.incrementAndGet() < 5) e.printStackTrace();
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
    System.out.println(pairs.get() + " " + failures.get());
  }

  static void send(HttpClient http, HttpRequest.Builder request, String token, int expected) throws Exception {
    HttpResponse<byte[]> answer = http.send(request.header("Authorization", token).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != expected) throw new IllegalStateException(answer.statusCode() + " " + new String(answer.body()));
  }
}
