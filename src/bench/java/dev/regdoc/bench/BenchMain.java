package dev.regdoc.bench;

import dev.regdoc.cli.Main;
import java.util.List;

/**
 * Entry point of the bench jar: regdoc's command line with the bench command added. The bench
 * writes gigabyte captures and times the product; it ships apart so the product jar does not carry
 * it (`bot/regdoc bench` runs this class).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs regdoc with {@code args}, the bench command included; returns the exit code. */
  public static int run(String... args) {
    return Main.run(List.of(new BenchCommand()), args);
  }
}
