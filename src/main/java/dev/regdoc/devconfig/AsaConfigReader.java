package dev.regdoc.devconfig;

import dev.regdoc.common.PhysicalLine;
import dev.regdoc.facts.AsaConnTimeout;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ASA "show running-config" into one {@link AsaInterfaceConfig} per named interface. Proxy
 * ARP is on unless "sysopt noproxyarp NAMEIF" appears anywhere in the file (usually after the
 * interfaces, so facts are emitted at the end); a later "no sysopt noproxyarp NAMEIF" turns it back
 * on. Connection idle timeouts ("timeout conn", and "set connection timeout idle" under a
 * policy-map class) become {@link AsaConnTimeout} facts.
 */
public final class AsaConfigReader implements TextReader {

  private static final Pattern VERSION = Pattern.compile("^:?\\s*ASA Version\\s+(\\S+)");
  private static final Pattern HOSTNAME = Pattern.compile("^hostname\\s+(\\S+)");
  private static final Pattern INTERFACE = Pattern.compile("^interface\\s+(\\S+)");
  private static final Pattern NAMEIF = Pattern.compile("^nameif\\s+(\\S+)");
  private static final Pattern IP_ADDRESS =
      Pattern.compile("^ip address\\s+(\\S+)(?:\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+))?");
  private static final Pattern TIMEOUT_CONN =
      Pattern.compile("^timeout\\s+conn\\s+(\\d{1,6}):(\\d{1,2}):(\\d{1,2})\\b");
  private static final Pattern POLICY_MAP =
      Pattern.compile("^policy-map\\s+(?:type\\s+\\S+\\s+)?(\\S+)");
  private static final Pattern CLASS = Pattern.compile("^class\\s+(\\S+)");

  /**
   * "set connection timeout [embryonic ...] idle h:mm:ss [...]": the command, then its idle value
   * found on its own.
   */
  private static final Pattern SET_CONNECTION_TIMEOUT =
      Pattern.compile("^set\\s++connection\\s++timeout\\s");

  private static final Pattern IDLE_VALUE =
      Pattern.compile("\\bidle\\s++(\\d{1,6}):(\\d{1,2}):(\\d{1,2})\\b");
  private static final Pattern NOPROXYARP =
      Pattern.compile("^(no\\s+)?sysopt\\s+noproxyarp\\s+(\\S+)$");

  /** One interface block as read. */
  private static final class InterfaceBlock {
    final long line;
    final String name;
    String nameif;
    String ip;

    InterfaceBlock(long line, String name) {
      this.line = line;
      this.name = name;
    }
  }

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    List<InterfaceBlock> blocks = new ArrayList<>();
    Set<String> noProxyArp = new HashSet<>();
    String host = null;
    InterfaceBlock current = null;
    String policyMap = null;
    String policyClass = null;
    List<AsaConnTimeout> timeouts = new ArrayList<>();
    long lineNumber = 0;
    long unrecognised = 0;
    ConfigLines lines = new ConfigLines(in);
    for (PhysicalLine line = lines.next(); line != null; line = lines.next()) {
      lineNumber++;
      String raw = line.text();
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      Matcher m;
      if (indented && current != null) {
        if ((m = NAMEIF.matcher(text)).find()) {
          current.nameif = m.group(1);
        } else if ((m = IP_ADDRESS.matcher(text)).find()) {
          current.ip = m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
        } else if (text.equals("no nameif")) {
          current.nameif = null;
        } else {
          unrecognised++;
        }
        continue;
      }
      if (indented && policyMap != null) {
        if ((m = CLASS.matcher(text)).find()) {
          policyClass = m.group(1);
        } else if (SET_CONNECTION_TIMEOUT.matcher(text).find()
            && (m = IDLE_VALUE.matcher(text)).find()
            && policyClass != null) {
          timeouts.add(
              new AsaConnTimeout(
                  Origin.line(file, lineNumber, null),
                  host,
                  seconds(m),
                  policyMap + "/" + policyClass));
        } else {
          unrecognised++;
        }
        continue;
      }
      current = null;
      policyMap = null;
      policyClass = null;
      if (text.equals("!") || VERSION.matcher(text).find()) {
        continue;
      } else if ((m = HOSTNAME.matcher(text)).find()) {
        host = m.group(1);
      } else if ((m = INTERFACE.matcher(text)).find()) {
        current = new InterfaceBlock(lineNumber, m.group(1));
        blocks.add(current);
      } else if ((m = TIMEOUT_CONN.matcher(text)).find()) {
        timeouts.add(
            new AsaConnTimeout(Origin.line(file, lineNumber, null), host, seconds(m), null));
      } else if ((m = POLICY_MAP.matcher(text)).find()) {
        policyMap = m.group(1);
      } else if ((m = NOPROXYARP.matcher(text)).find()) {
        if (m.group(1) == null) {
          noProxyArp.add(m.group(2));
        } else {
          noProxyArp.remove(m.group(2));
        }
      } else {
        unrecognised++;
      }
    }
    long facts = 0;
    for (InterfaceBlock b : blocks) {
      if (b.nameif != null) {
        sink.accept(
            new AsaInterfaceConfig(
                Origin.line(file, b.line, null),
                host,
                b.name,
                b.nameif,
                b.ip,
                !noProxyArp.contains(b.nameif)));
        facts++;
      }
    }
    for (AsaConnTimeout t : timeouts) {
      sink.accept(t);
      facts++;
    }
    List<FileProblem> problems = new ArrayList<>(lines.problems());
    if (facts == 0) {
      problems.add(FileProblem.of("file-config-no-nameif", "no interface with a nameif found"));
    }
    return new TextSummary(lineNumber, facts, unrecognised, List.copyOf(problems));
  }

  private static int seconds(Matcher hms) {
    return Integer.parseInt(hms.group(1)) * 3600
        + Integer.parseInt(hms.group(2)) * 60
        + Integer.parseInt(hms.group(3));
  }
}
