package dev.regdoc.logs;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads syslog text with a fixed reference clock (2025-06-01T00:00Z) and keeps what came out. */
final class SyslogFixture {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  final List<Fact> facts = new ArrayList<>();
  final TextSummary summary;

  private SyslogFixture(String file, Reader in) {
    try {
      summary = new SyslogReader(CLOCK).read(file, new BufferedReader(in), facts::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SyslogFixture read(String text) {
    return new SyslogFixture("test.log", new StringReader(text));
  }

  static SyslogFixture read(String file, Reader in) {
    return new SyslogFixture(file, in);
  }

  List<CucmAlarm> alarms() {
    return facts.stream().filter(CucmAlarm.class::isInstance).map(CucmAlarm.class::cast).toList();
  }

  CucmAlarm onlyAlarm() {
    List<CucmAlarm> alarms = alarms();
    if (alarms.size() != 1) {
      throw new AssertionError("expected one alarm, got " + facts);
    }
    return alarms.get(0);
  }

  List<NetworkLog> logs() {
    return facts.stream().filter(NetworkLog.class::isInstance).map(NetworkLog.class::cast).toList();
  }

  NetworkLog onlyLog() {
    List<NetworkLog> logs = logs();
    if (logs.size() != 1) {
      throw new AssertionError("expected one network log, got " + facts);
    }
    return logs.get(0);
  }

  List<Anomaly> anomalies(String code) {
    return facts.stream()
        .filter(Anomaly.class::isInstance)
        .map(Anomaly.class::cast)
        .filter(a -> a.code().equals(code))
        .toList();
  }
}
