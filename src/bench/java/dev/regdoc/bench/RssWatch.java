package dev.regdoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Polls a running process's peak resident memory ({@code VmHWM}, a high-water mark the kernel
 * keeps, so only growth in the last poll interval can be missed) and its CPU time, for when GNU
 * time is not installed.
 */
final class RssWatch {
  private final Path status;
  private final Path stat;
  private final Thread thread;
  private volatile long peakKb;
  private volatile double cpuSeconds;

  private RssWatch(long pid) {
    status = Path.of("/proc/" + pid + "/status");
    stat = Path.of("/proc/" + pid + "/stat");
    thread = new Thread(this::poll, "rss-watch-" + pid);
    thread.setDaemon(true);
  }

  static RssWatch start(long pid) {
    RssWatch w = new RssWatch(pid);
    w.thread.start();
    return w;
  }

  private void poll() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        peakKb = Math.max(peakKb, vmHwmKb(Files.readAllLines(status)));
        cpuSeconds = Math.max(cpuSeconds, cpuSeconds(Files.readString(stat)));
        Thread.sleep(20);
      } catch (IOException | RuntimeException e) {
        return; // the process ended
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops watching; the peak seen, in KB. */
  long stop() throws InterruptedException {
    thread.interrupt();
    thread.join();
    return peakKb;
  }

  double cpuSeconds() {
    return cpuSeconds;
  }

  /** The {@code VmHWM} line of /proc/PID/status, in KB; 0 when absent. */
  static long vmHwmKb(List<String> statusLines) {
    return statusLines.stream()
        .filter(l -> l.startsWith("VmHWM:"))
        .map(l -> l.replaceAll("\\D", ""))
        .filter(s -> !s.isEmpty())
        .mapToLong(Long::parseLong)
        .max()
        .orElse(0);
  }

  /**
   * utime + stime of /proc/PID/stat, in seconds at the usual 100 ticks a second. The command name
   * (field 2) may hold spaces, so fields are counted after its closing parenthesis.
   */
  static double cpuSeconds(String statLine) {
    String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
    // after the name: state is field 3, so utime (14) and stime (15) are at 11 and 12
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }
}
