package dev.regdoc.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web chat soak driver (run by src/test/scripts/web-soak.sh, not in CI): sessions that open
 * cases, upload the case-study-2 files and ask questions for a while, next to a slow-header
 * attacker and a cookieless flood coming from other loopback addresses. Prints answers, errors,
 * p50/p99 latency and what the attacks met.
 *
 * <p>Arguments: base URI, minutes (decimal), sessions.
 */
public final class WebSoak {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/case-study-2");
  private static final String[] QUESTIONS = {
    "what is reason code 13?", "findings", "checklist", "what does delayed failover mean?"
  };
  private static final Pattern TOKEN =
      Pattern.compile("name=\"regdoc-token\" content=\"([^\"]+)\"");
  private final URI base;
  private final long deadline;
  private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong answers = new AtomicLong();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final AtomicLong slowOpened = new AtomicLong();
  private final AtomicLong slowCutOff = new AtomicLong();
  private final AtomicLong floodRequests = new AtomicLong();
  private final AtomicLong floodRefused = new AtomicLong();
  private final Map<String, AtomicLong> floodAnswers = new ConcurrentHashMap<>();

  private WebSoak(URI base, double minutes) {
    this.base = base;
    this.deadline = System.nanoTime() + (long) (minutes * 60e9);
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    double minutes = Double.parseDouble(args[1]);
    int sessions = Integer.parseInt(args[2]);
    new WebSoak(base, minutes).run(sessions);
  }

  private boolean running() {
    return System.nanoTime() < deadline;
  }

  private void run(int sessions) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(FIXTURES)) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(sessions + 2);
    for (int i = 0; i < sessions; i++) {
      pool.submit(() -> session(files));
    }
    pool.submit(this::slowClients);
    pool.submit(this::flood);
    long start = System.nanoTime();
    while (running()) {
      Thread.sleep(Math.min(30_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      System.out.printf(
          "soak: %.1f min: %d answers, errors %s, slow connections opened %d / cut off %d, flood %d"
              + " (refused %d)%n",
          (System.nanoTime() - start) / 60e9,
          answers.get(),
          errors,
          slowOpened.get(),
          slowCutOff.get(),
          floodRequests.get(),
          floodRefused.get());
    }
    pool.shutdownNow();
    pool.awaitTermination(3, TimeUnit.MINUTES);
    List<Long> sorted;
    synchronized (latenciesMs) {
      sorted = new ArrayList<>(latenciesMs);
    }
    Collections.sort(sorted);
    System.out.println("soak: answers " + answers.get() + ", errors " + errors);
    System.out.println(
        "soak: latency ms p50 "
            + percentile(sorted, 50)
            + ", p99 "
            + percentile(sorted, 99)
            + ", max "
            + (sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1))
            + " over "
            + sorted.size()
            + " calls");
    System.out.println(
        "soak: slow-header connections opened "
            + slowOpened.get()
            + ", cut off by the server "
            + slowCutOff.get());
    System.out.println(
        "soak: flood requests "
            + floodRequests.get()
            + ", refused or closed "
            + floodRefused.get()
            + " "
            + floodAnswers);
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /**
   * One person: a new case from the symptom, the files one by one, then a question; again until the
   * end.
   */
  private void session(List<Path> files) {
    WebChatClient c = new WebChatClient(base);
    int q = 0;
    while (running()) {
      timed(() -> c.text("new case " + WebChatServerTest.SYMPTOM));
      for (Path f : files) {
        if (running()) {
          timed(() -> c.upload(f));
        }
      }
      String question = QUESTIONS[q++ % QUESTIONS.length];
      if (running()) {
        timed(() -> c.text(question));
      }
    }
  }

  private interface Call {
    WebChatClient.Response send() throws Exception;
  }

  private void timed(Call call) {
    long t0 = System.nanoTime();
    try {
      WebChatClient.Response r = call.send();
      latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
      if (r.status() == 200) {
        answers.incrementAndGet();
      } else {
        errors.computeIfAbsent("HTTP " + r.status(), k -> new AtomicLong()).incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
    }
  }

  /**
   * 100 connections from 127.0.0.2 that send half a header and wait; each one the server closes is
   * reopened.
   */
  private void slowClients() {
    List<Socket> open = new ArrayList<>();
    try {
      while (running() && !Thread.currentThread().isInterrupted()) {
        while (open.size() < 100) {
          open.add(halfARequest());
        }
        Thread.sleep(500);
        for (Socket s : List.copyOf(open)) {
          if (closedByServer(s)) {
            slowCutOff.incrementAndGet();
            open.remove(s);
            s.close();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      errors
          .computeIfAbsent("slow-client " + e.getClass().getSimpleName(), k -> new AtomicLong())
          .incrementAndGet();
    } finally {
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  private Socket halfARequest() throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    s.setSoTimeout(1);
    s.getOutputStream()
        .write(
            ("GET / HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nX-Slow: ")
                .getBytes(StandardCharsets.US_ASCII));
    slowOpened.incrementAndGet();
    return s;
  }

  private static boolean closedByServer(Socket s) {
    try {
      return s.getInputStream().read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /**
   * Cookieless page loads and API calls with each page's token, from 127.0.0.3, as fast as they go.
   */
  private void flood() {
    while (running() && !Thread.currentThread().isInterrupted()) {
      try {
        String page =
            raw("GET / HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n");
        Matcher m = TOKEN.matcher(page);
        String api =
            raw(
                "GET /api/progress HTTP/1.1\r\nHost: "
                    + base.getAuthority()
                    + "\r\nConnection: close\r\n"
                    + WebChatClient.TOKEN_HEADER
                    + ": "
                    + (m.find() ? m.group(1) : "none")
                    + "\r\n\r\n");
        floodRequests.addAndGet(2);
        if (!page.startsWith("HTTP/1.1 200") || !api.startsWith("HTTP/1.1 200")) {
          floodRefused.incrementAndGet();
          String line =
              (page.startsWith("HTTP/1.1 200") ? api : page)
                  .lines()
                  .findFirst()
                  .orElse("(nothing)");
          floodAnswers
              .computeIfAbsent(line.isEmpty() ? "(closed)" : line, k -> new AtomicLong())
              .incrementAndGet();
        }
      } catch (IOException e) {
        floodRefused.incrementAndGet();
        floodAnswers
            .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
            .incrementAndGet();
      }
    }
  }

  private String raw(String request) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      s.setSoTimeout(30_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
