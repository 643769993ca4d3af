package dev.regdoc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times tshark extracting the same kind of facts from the same file (the way engineers and other
 * tools do it today), counting its output lines and watching its peak resident memory.
 */
public final class TsharkBench {
  static final String FILTER = "sip || skinny || arp || tcp.analysis.retransmission";

  /**
   * @param peakRssKb tshark's VmHWM, 0 when it could not be read
   */
  public record Result(double seconds, long lines, long peakRssKb) {}

  public static boolean available() {
    try {
      return new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** tshark extracting the facts regdoc reads from {@code file}, as one command line. */
  static List<String> command(Path file) {
    return List.of(
        "tshark",
        "-n",
        "-r",
        file.toString(),
        "-Y",
        FILTER,
        "-T",
        "fields",
        "-e",
        "frame.number",
        "-e",
        "sip.Method",
        "-e",
        "sip.Status-Code",
        "-e",
        "skinny.messageId",
        "-e",
        "arp.opcode");
  }

  public Result run(Path file) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command(file));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process p = pb.start();
    long[] hwm = {0};
    Thread watcher = new Thread(() -> watch(p.pid(), hwm));
    watcher.setDaemon(true);
    watcher.start();
    long lines = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      while (r.readLine() != null) {
        lines++;
      }
    }
    p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    watcher.interrupt();
    return new Result(seconds, lines, hwm[0]);
  }

  private static void watch(long pid, long[] hwm) {
    Path status = Path.of("/proc/" + pid + "/status");
    while (!Thread.currentThread().isInterrupted()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            hwm[0] = Math.max(hwm[0], Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
        Thread.sleep(100);
      } catch (IOException | NumberFormatException e) {
        return; // the process ended
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
