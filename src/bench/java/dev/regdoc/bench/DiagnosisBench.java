package dev.regdoc.bench;

import dev.regdoc.diagnosis.Diagnoser;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.Protocol;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.signals.InputSummary;
import dev.regdoc.signals.KeepaliveTiming;
import dev.regdoc.signals.Phone;
import dev.regdoc.signals.RefreshSummary;
import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.signals.RegisterTransaction;
import dev.regdoc.signals.RegistrationHistory;
import dev.regdoc.timeline.event.KeepaliveRole;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the rule engine: how long the rule folder takes to compile at start-up, and how long one
 * analysis of about 100,000 facts takes once warm (a cluster's worth of healthy phones with a few
 * troubled ones, so the rules have both matching and non-matching work to do).
 */
public final class DiagnosisBench {

  /**
   * @param facts the facts judged, each attempt, refresh and keepalive of a history counted as one
   *     (as the firing limit counts them)
   * @param millis per run, first run first
   */
  public record Result(
      int facts,
      long ruleBaseMillis,
      long cachedRuleBaseMillis,
      List<Long> millis,
      List<Long> cpuMillis,
      int findings) {
    public long best() {
      return millis.stream().mapToLong(Long::longValue).min().orElse(0);
    }
  }

  public Result run(Path rulesDir, int targetFacts, int runs) {
    long t0 = System.nanoTime();
    RuleBase rules = RuleBase.load(rulesDir);
    long ruleBaseMillis = (System.nanoTime() - t0) / 1_000_000;
    long cachedRuleBaseMillis = cachedLoad(rulesDir);
    List<Object> facts = syntheticFacts(targetFacts);
    Diagnoser diagnoser = new Diagnoser(rules);
    List<Long> millis = new ArrayList<>();
    List<Long> cpuMillis = new ArrayList<>();
    var threads = ManagementFactory.getThreadMXBean();
    int findings = 0;
    for (int i = 0; i < runs; i++) {
      System.gc(); // each analysis starts on a settled heap, as the reader runs do: previous runs'
      // garbage is not its cost
      long cpu = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      findings = diagnoser.diagnose(facts).size();
      millis.add((System.nanoTime() - s) / 1_000_000);
      cpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
    return new Result(
        judged(facts), ruleBaseMillis, cachedRuleBaseMillis, millis, cpuMillis, findings);
  }

  /** Milliseconds to read the rule base back from its cache (written first, outside the timing). */
  private static long cachedLoad(Path rulesDir) {
    try {
      Path cache = Files.createTempDirectory("regdoc-bench-rules");
      try {
        RuleBase.load(rulesDir, cache);
        long t0 = System.nanoTime();
        RuleBase cached = RuleBase.load(rulesDir, cache);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return cached.source() == RuleBase.Source.CACHED ? ms : -1;
      } finally {
        try (Stream<Path> s = Files.walk(cache)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      return -1;
    }
  }

  private static int judged(List<Object> facts) {
    return facts.stream()
        .mapToInt(f -> f instanceof RegistrationHistory h ? 1 + h.signals() : 1)
        .sum();
  }

  /**
   * About {@code n} facts as the analyzer hands them over: per phone 20 refreshes with their
   * transactions and 20 SCCP keepalives in its history (each counted as a fact), ARP traffic and a
   * summary; every 50th phone loses its refreshes' first transmissions, so the fault rules have
   * real matches among many near misses.
   */
  static List<Object> syntheticFacts(int n) {
    List<Object> facts = new ArrayList<>();
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    int counted = 0; // the facts, and the attempts, refreshes and keepalives the histories hold
    for (int p = 0; counted < n; p++) {
      int before = facts.size();
      String dev = String.format("SEP%012X", 0x001122000000L + p);
      String ip = "10." + (p >> 16 & 255) + "." + (p >> 8 & 255) + "." + (p & 255);
      facts.add(
          new Phone(
              dev,
              null,
              List.of(ip),
              List.of("198.51.100.10", "198.51.100.11"),
              SignalingPort.SIP));
      boolean troubled = p % 50 == 0;
      List<RefreshTiming> refreshes = new ArrayList<>();
      List<RegisterTransaction> attempts = new ArrayList<>();
      List<KeepaliveTiming> keepalives = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        Instant t = start.plusSeconds(115L * k);
        long frame = p * 100L + k;
        List<Double> rtx = troubled ? List.of(0.1 * (1 << Math.min(k, 8))) : List.of();
        RefreshTiming r =
            new RefreshTiming(
                dev,
                "bench.pcap",
                frame,
                t,
                "198.51.100.10",
                k,
                115.0,
                120,
                rtx,
                troubled ? List.of(frame + 1) : List.of(),
                115.1 + (troubled ? rtx.get(0) : 0),
                frame + 2,
                false,
                null,
                0);
        refreshes.add(r);
        RegisterTransaction attempt =
            new RegisterTransaction(
                dev,
                Protocol.SIP,
                "bench.pcap",
                frame,
                t,
                "198.51.100.10",
                "call-" + p,
                k,
                false,
                troubled ? 2 : 1,
                200,
                "OK",
                frame + 2,
                false,
                false,
                false,
                List.of(frame));
        attempts.add(attempt);
        KeepaliveTiming keepalive =
            new KeepaliveTiming(
                dev,
                Protocol.SCCP,
                "bench.pcap",
                frame + 50,
                t,
                "198.51.100.10",
                KeepaliveRole.PRIMARY,
                30,
                0.002,
                0,
                null,
                0,
                -1);
        keepalives.add(keepalive);
        if (k % 2 == 0) {
          facts.add(
              new ArpPacket(
                  Origin.frame("bench.pcap", frame + 70, t),
                  k % 4 == 0,
                  "00:11:22:00:00:01",
                  ip,
                  "00:00:00:00:00:00",
                  "198.51.100.1",
                  "00:11:22:00:00:01",
                  false));
        }
      }
      List<RefreshTiming> lost =
          refreshes.stream().filter(r -> r.getRetransmissions() > 0).toList();
      facts.add(
          new RefreshSummary(
              dev,
              "bench.pcap",
              refreshes.size(),
              lost,
              115.0,
              lost.isEmpty() ? List.of() : List.of(0.10, 0.20)));
      facts.add(new RegistrationHistory(dev, attempts, refreshes, keepalives));
      counted += facts.size() - before + attempts.size() + refreshes.size() + keepalives.size();
    }
    facts.add(new InputSummary(counted / 72, 0, 0, 0, 0, 0, 0, 1, 1, List.of()));
    return facts;
  }
}
