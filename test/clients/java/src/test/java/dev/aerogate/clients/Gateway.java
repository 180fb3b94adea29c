package dev.aerogate.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A gateway process started on a free loopback port for the client tests, or one named by AEROGATE_ADDRESS. */
final class Gateway implements AutoCloseable {
  private static final long START_TIMEOUT_S = 60;
  private static final long STOP_TIMEOUT_S = 20;
  // The gateway logs one JSON object per line; these pick the fields of the "listening" line.
  private static final Pattern LISTENING = Pattern.compile("\"msg\"\\s*:\\s*\"listening\"");
  private static final Pattern ADDRESS = Pattern.compile("\"address\"\\s*:\\s*\"([^\"]+)\"");

  private final Process process;
  private final String address;

  private Gateway(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  /** Starts `node bin/aerogate.js serve --listen 127.0.0.1:0` and waits for its "listening" log line. */
  static Gateway start() throws IOException, InterruptedException {
    String preset = System.getenv("AEROGATE_ADDRESS");
    if (preset != null && !preset.isEmpty()) {
      return new Gateway(null, preset);
    }
    Path root = Path.of("..", "..", "..").toAbsolutePath().normalize();
    Process process =
        new ProcessBuilder("node", "bin/aerogate.js", "serve", "--listen", "127.0.0.1:0")
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> readAddress(process, found), "gateway-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return new Gateway(process, found.get(START_TIMEOUT_S, TimeUnit.SECONDS));
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("the gateway did not log a \"listening\" line", e);
    }
  }

  /** Completes `found` with the address of the "listening" line, then keeps draining stdout. */
  private static void readAddress(Process process, CompletableFuture<String> found) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (found.isDone() || !LISTENING.matcher(line).find()) {
          continue;
        }
        Matcher m = ADDRESS.matcher(line);
        if (m.find()) {
          found.complete(m.group(1));
        }
      }
    } catch (IOException e) {
      found.completeExceptionally(e);
    }
    found.completeExceptionally(new IllegalStateException("the gateway exited"));
  }

  /** The gateway's host:port. */
  String address() {
    return address;
  }

  /** Sends SIGTERM and waits for the exit, killing the process if it outlives the grace period. */
  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
