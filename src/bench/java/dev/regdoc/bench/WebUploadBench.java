package dev.regdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web chat as a user meets it: a server started as {@code regdoc serve} (its own process, its
 * own heap bound), warmed by one upload, then each generated mixed capture uploaded through the
 * page's own HTTP upload in a session of its own; the time until the answer, the server's CPU time
 * meanwhile, and whether the page's progress line showed how many bytes were read. Everything it
 * generates goes to a temp folder deleted at the end.
 */
final class WebUploadBench {
  /**
   * The page's progress line while a file is read: "Reading NAME: DONE of TOTAL...", the sizes as
   * {@code Sizes.human} writes them ("12 MB"); possessive runs, so a hostile line costs linear
   * time.
   */
  private static final Pattern BYTE_PROGRESS =
      Pattern.compile("^Reading [^:]++: [0-9.,]++ [A-Za-z]++ of [0-9.,]++ [A-Za-z]++\\.\\.\\.$");

  private static final Pattern LISTENING = Pattern.compile("web chat on (http://\\S+/)");
  private static final long WARM_MB = 8;
  private static final long START_SECONDS = 180;

  /** One upload: the answer's time, the server's CPU meanwhile, the byte progress it showed. */
  record Result(
      String label,
      long bytes,
      int status,
      double seconds,
      double serverCpuSeconds,
      List<String> byteProgress,
      boolean answered) {}

  private final PrintWriter out;
  private final ColdRows rows;

  WebUploadBench(PrintWriter out, ColdRows rows) {
    this.out = out;
    this.rows = rows;
  }

  void run(List<Long> sizesMb, ObjectNode json) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("regdoc-web-bench");
    Process server = null;
    try {
      long largest = sizesMb.stream().mapToLong(Long::longValue).max().orElse(0);
      Path config = tmp.resolve("regdoc.yaml");
      Files.writeString(
          config,
          "data:\n  dir: "
              + tmp.resolve("data")
              + "\nuploads:\n  max-mb: "
              + (largest + WARM_MB + 64)
              + "\nanalyses:\n  time-limit-seconds: 900\n");
      Path log = tmp.resolve("serve.log");
      ProcessBuilder pb = new ProcessBuilder(rows.serve(config));
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      server = pb.start();
      URI uri = awaitListening(server, log);
      String loadBefore = ColdTable.loadAverage();
      out.printf(
          "%nweb chat: `%s serve` (warm: one upload of %d MB first), each capture uploaded through"
              + " the page's upload in a session of its own; load average %s%n",
          rows.how(), WARM_MB, loadBefore);
      upload(uri, server, generate(tmp, WARM_MB), "warm-up");
      out.println(
          "| upload through the web chat | answered in | server CPU | byte progress shown | goal"
              + " |");
      out.println("|---|---|---|---|---|");
      ArrayNode rowsJson = json.putArray("rows");
      for (long mb : sizesMb) {
        Path file = generate(tmp, mb);
        Result r;
        try {
          r = upload(uri, server, file, String.format("mixed %d MB", Files.size(file) >> 20));
        } finally {
          Files.deleteIfExists(file);
        }
        String goal = goal(mb, r, quiet());
        out.printf(
            "| %s | %.2f s%s | %.2f s | %s | %s |%n",
            r.label(),
            r.seconds(),
            r.answered() ? "" : " (FAILED: HTTP " + r.status() + ")",
            r.serverCpuSeconds(),
            r.byteProgress().isEmpty()
                ? "no"
                : r.byteProgress().size() + " lines, last \"" + last(r.byteProgress()) + "\"",
            goal);
        out.flush();
        ObjectNode x = rowsJson.addObject();
        x.put("upload", r.label());
        x.put("bytes", r.bytes());
        x.put("status", r.status());
        x.put("answered", r.answered());
        x.put("seconds", r.seconds());
        x.put("serverCpuSeconds", r.serverCpuSeconds());
        x.put("byteProgressLines", r.byteProgress().size());
        x.put("goal", goal);
      }
      long rss = RssWatch.vmHwmKb(Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")));
      String loadAfter = ColdTable.loadAverage();
      out.printf("server peak RSS %d MB; load average after: %s%n", rss >> 10, loadAfter);
      json.put("serverPeakRssMb", rss >> 10);
      json.put("loadAverageBefore", loadBefore);
      json.put("loadAverageAfter", loadAfter);
    } finally {
      stop(server);
      deleteTree(tmp);
    }
  }

  /**
   * Issue 15's goals: 100 MB answered in 3 s, 1 GB in 10 s with byte progress shown. They are wall
   * times on a quiet machine: with more runnable processes than cores they are not judged.
   */
  static String goal(long mb, Result r, boolean quiet) {
    String verdict;
    if (mb >= 1000) {
      boolean met = r.answered() && r.seconds() <= 10 && !r.byteProgress().isEmpty();
      verdict = "≤ 10 s with byte progress: " + (met ? "met" : "not met");
    } else if (mb >= 100) {
      verdict = "≤ 3 s: " + (r.answered() && r.seconds() <= 3 ? "met" : "not met");
    } else {
      return "";
    }
    return quiet ? verdict : verdict + " (machine busy: wall time not judged)";
  }

  /** At most one runnable process per core over the last minute. */
  private static boolean quiet() {
    try {
      double load = Double.parseDouble(ColdTable.loadAverage().split(" ")[0]);
      return load <= Runtime.getRuntime().availableProcessors();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Path generate(Path dir, long mb) throws IOException {
    Path file = dir.resolve("mixed-" + mb + "mb.pcap");
    new BenchCaptureWriter().write(file, BenchCaptureWriter.Profile.MIXED, mb << 20);
    return file;
  }

  /** Uploads {@code file} in a fresh session, polling the progress line as the page does. */
  private static Result upload(URI uri, Process server, Path file, String label)
      throws IOException, InterruptedException {
    WebBenchClient client = new WebBenchClient(uri);
    Set<String> progress = new LinkedHashSet<>();
    Thread poller =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  JsonNode p = client.progress();
                  String text = p.path("text").asText("");
                  if (p.path("running").asBoolean() && BYTE_PROGRESS.matcher(text).matches()) {
                    synchronized (progress) {
                      progress.add(text);
                    }
                  }
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                } catch (IOException | RuntimeException e) {
                  // a poll that failed is a line the page did not update; the next one may
                }
              }
            },
            "web-bench-progress");
    poller.setDaemon(true);
    double cpuBefore = cpuSeconds(server);
    long start = System.nanoTime();
    poller.start();
    HttpResponse<String> answer = client.upload(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = cpuSeconds(server) - cpuBefore;
    poller.interrupt();
    poller.join();
    boolean answered =
        answer.statusCode() == 200
            && answer.body().contains("\"blocks\"")
            && !answer.body().contains("\"error\"");
    List<String> lines;
    synchronized (progress) {
      lines = List.copyOf(progress);
    }
    return new Result(label, Files.size(file), answer.statusCode(), seconds, cpu, lines, answered);
  }

  private static double cpuSeconds(Process p) {
    try {
      return RssWatch.cpuSeconds(Files.readString(Path.of("/proc/" + p.pid() + "/stat")));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static URI awaitListening(Process server, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (!server.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new IOException(
        "regdoc serve did not start its web chat: " + tail(Files.readString(log)));
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static String last(List<String> lines) {
    return lines.get(lines.size() - 1);
  }

  /** SIGTERM (the server closes its store), then a kill if it is still there after a while. */
  private static void stop(Process server) throws InterruptedException {
    if (server == null) {
      return;
    }
    List<ProcessHandle> children = server.descendants().toList();
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
