package dev.regdoc.ingest;

import dev.regdoc.devconfig.AsaConfigReader;
import dev.regdoc.devconfig.IosConfigReader;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.TextReader;
import dev.regdoc.logs.SyslogReader;
import java.time.Clock;
import java.util.Map;

/** The text readers for each kind of text file regdoc recognises. */
public final class TextReaders {
  private TextReaders() {}

  public static Map<InputKind, TextReader> defaults() {
    return defaults(Clock.systemUTC());
  }

  /**
   * @param clock gives the year to syslog lines that carry none, and the assumed date of a trace
   *     file that says none
   */
  public static Map<InputKind, TextReader> defaults(Clock clock) {
    return Map.of(
        InputKind.SYSLOG,
        new SyslogReader(clock),
        InputKind.IOS_CONFIG,
        new IosConfigReader(),
        InputKind.ASA_CONFIG,
        new AsaConfigReader(),
        InputKind.CCM_TRACE,
        new TraceTextReader(clock));
  }
}
