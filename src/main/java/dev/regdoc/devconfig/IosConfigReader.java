package dev.regdoc.devconfig;

import dev.regdoc.common.PhysicalLine;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.InterfaceCounters;
import dev.regdoc.facts.Macs;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an IOS switch "show running-config" (interface blocks with port security and VLANs) and
 * "show port-security interface X" output into {@link dev.regdoc.facts.SwitchPortConfig} facts.
 * Configs are full of lines regdoc does not need; those are counted, never reported one by one.
 */
public final class IosConfigReader implements TextReader {

  private static final Pattern HOSTNAME = Pattern.compile("^hostname\\s+(\\S+)");
  private static final Pattern INTERFACE = Pattern.compile("^interface\\s+(\\S+)");
  private static final Pattern SHOW_COMMAND =
      Pattern.compile(
          "^(?:(?<host>[^\\s#>]+)[#>]\\s*)?sh(?:ow)?\\s+port-security\\s+int(?:erface)?\\s+(?<iface>\\S+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SHOW_FIELD =
      Pattern.compile("^(?<key>[A-Za-z][A-Za-z ]*+)\\s*+:\\s*+(?<value>.*+)$");
  private static final Pattern NUMBER = Pattern.compile("(\\d+)");
  // "show interfaces X": its first line names the interface and its state; the counters follow
  // indented
  private static final Pattern SHOW_INTERFACES =
      Pattern.compile(
          "^(?:[^\\s#>]+[#>]\\s*)?sh(?:ow)?\\s+int(?:erfaces?)?\\s+\\S+\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INTERFACE_STATE =
      Pattern.compile("^(\\S+) is (?:up|down|administratively down), line protocol is\\b.*");
  private static final Pattern DUPLEX =
      Pattern.compile("^(Full|Half|Auto|a-full|a-half)-duplex\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RUNTS = Pattern.compile("\\b(\\d{1,18}) runts\\b");
  private static final Pattern CRC = Pattern.compile("\\b(\\d{1,18}) CRC\\b");
  private static final Pattern LATE_COLLISIONS = Pattern.compile("\\b(\\d{1,18}) late collision");

  private static final Pattern PS_ON = Pattern.compile("^switchport port-security$");
  private static final Pattern PS_OFF = Pattern.compile("^no switchport port-security$");
  private static final Pattern PS_MAXIMUM =
      Pattern.compile("^switchport port-security maximum (\\d+)$");
  private static final Pattern PS_MAXIMUM_PER_VLAN =
      Pattern.compile("^switchport port-security maximum \\d+ vlan\\b.*");
  private static final Pattern PS_AGING_TIME =
      Pattern.compile("^switchport port-security aging time (\\d+)$");
  private static final Pattern PS_AGING_TYPE =
      Pattern.compile("^switchport port-security aging type (absolute|inactivity)$");
  private static final Pattern PS_AGING_STATIC =
      Pattern.compile("^switchport port-security aging static$");
  private static final Pattern PS_VIOLATION =
      Pattern.compile("^switchport port-security violation (protect|restrict|shutdown)$");
  private static final Pattern PS_STICKY =
      Pattern.compile("^switchport port-security mac-address sticky$");
  private static final Pattern PS_STICKY_MAC =
      Pattern.compile("^switchport port-security mac-address sticky (\\S+)(?:\\s+vlan\\s+\\S+)?$");
  private static final Pattern ACCESS_VLAN = Pattern.compile("^switchport access vlan (\\d+)$");
  private static final Pattern VOICE_VLAN = Pattern.compile("^switchport voice vlan (\\S+)$");

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    Run run = new Run(file, sink);
    ConfigLines lines = new ConfigLines(in);
    for (PhysicalLine line = lines.next(); line != null; line = lines.next()) {
      run.line(line.text());
    }
    return run.finish(lines.problems());
  }

  private static final class Run {
    private final String file;
    private final FactSink sink;
    private final List<FileProblem> problems = new ArrayList<>();
    private String host;
    private PortSecurityBuilder block;
    private PortSecurityBuilder shown;
    private CountersBuilder counters;
    private long lineNumber;
    private long facts;
    private long unrecognised;

    Run(String file, FactSink sink) {
      this.file = file;
      this.sink = sink;
    }

    void line(String raw) {
      lineNumber++;
      String text = raw.strip();
      if (text.isEmpty()) {
        return;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (counters != null && indented) {
        counters.line(text);
        return;
      }
      if (SHOW_INTERFACES.matcher(text).matches()) {
        closeBlocks();
        return;
      }
      Matcher state = INTERFACE_STATE.matcher(text);
      if (state.matches()) {
        closeBlocks();
        counters = new CountersBuilder(lineNumber, state.group(1));
        return;
      }
      Matcher show = SHOW_COMMAND.matcher(text);
      if (show.find()) {
        closeBlocks();
        if (show.group("host") != null && host == null) {
          host = show.group("host");
        }
        shown = new PortSecurityBuilder(lineNumber, show.group("iface"));
        return;
      }
      if (shown != null || text.startsWith("Port Security ")) {
        if (showField(text)) {
          return;
        }
      }
      if (!indented) {
        closeBlocks();
        configLine(text);
      } else if (block == null || !interfaceCommand(block, text)) {
        unrecognised++;
      }
    }

    private void configLine(String text) {
      Matcher m;
      if (text.equals("!") || text.equals("end")) {
        return;
      } else if ((m = HOSTNAME.matcher(text)).find()) {
        host = m.group(1);
      } else if ((m = INTERFACE.matcher(text)).find()) {
        block = new PortSecurityBuilder(lineNumber, m.group(1));
      } else {
        unrecognised++;
      }
    }

    /** One "show port-security interface" field; false when the line is not one. */
    private boolean showField(String text) {
      Matcher m = SHOW_FIELD.matcher(text);
      if (!m.matches()) {
        return false;
      }
      if (shown == null) {
        shown = new PortSecurityBuilder(lineNumber, "unknown");
      }
      String value = m.group("value").strip();
      String lower = value.toLowerCase(Locale.ROOT);
      switch (m.group("key").strip().toLowerCase(Locale.ROOT)) {
        case "port security" -> shown.portSecurity = lower.startsWith("enabled");
        case "violation mode" -> shown.violation = lower;
        case "aging time" -> shown.agingMinutes = firstNumber(value);
        case "aging type" -> shown.agingType = lower;
        case "securestatic address aging" -> shown.agingStatic = lower.startsWith("enabled");
        case "maximum mac addresses" -> shown.maximum = firstNumber(value);
        case "sticky mac addresses" -> {
          Integer n = firstNumber(value);
          shown.sticky = n != null && n > 0;
        }
        default -> {} // Port Status, Total MAC Addresses, Last Source Address: part of the output,
          // not needed
      }
      return true;
    }

    private boolean interfaceCommand(PortSecurityBuilder b, String text) {
      Matcher m;
      if (PS_ON.matcher(text).matches()) {
        b.portSecurity = true;
      } else if (PS_OFF.matcher(text).matches()) {
        b.portSecurity = false;
      } else if ((m = PS_MAXIMUM.matcher(text)).matches() && number(m.group(1)) != null) {
        b.maximum = number(m.group(1));
      } else if (PS_MAXIMUM_PER_VLAN.matcher(text).matches()) {
        return true; // per-VLAN limits sit under the port maximum, which is what ages phones out
      } else if ((m = PS_AGING_TIME.matcher(text)).matches() && number(m.group(1)) != null) {
        b.agingMinutes = number(m.group(1));
      } else if ((m = PS_AGING_TYPE.matcher(text)).matches()) {
        b.agingType = m.group(1);
      } else if (PS_AGING_STATIC.matcher(text).matches()) {
        b.agingStatic = true;
      } else if ((m = PS_VIOLATION.matcher(text)).matches()) {
        b.violation = m.group(1);
      } else if (PS_STICKY.matcher(text).matches()) {
        b.sticky = true;
      } else if ((m = PS_STICKY_MAC.matcher(text)).matches()) {
        b.sticky = true;
        String mac = Macs.normalise(m.group(1));
        b.stickyMacs.add(mac != null ? mac : m.group(1));
      } else if ((m = ACCESS_VLAN.matcher(text)).matches() && number(m.group(1)) != null) {
        b.accessVlan = number(m.group(1));
      } else if ((m = VOICE_VLAN.matcher(text)).matches()
          && (!m.group(1).matches("\\d+") || number(m.group(1)) != null)) {
        b.voiceVlan = number(m.group(1)); // null for dot1p, untagged, none
      } else if (text.startsWith("description ")) {
        b.description = text.substring("description ".length()).strip();
      } else if (text.equals("shutdown")) {
        b.shutdown = true;
      } else if (text.equals("no shutdown")) {
        b.shutdown = false;
      } else {
        return false;
      }
      return true;
    }

    private void closeBlocks() {
      for (PortSecurityBuilder b : new PortSecurityBuilder[] {block, shown}) {
        if (b != null) {
          sink.accept(b.build(file, host));
          facts++;
        }
      }
      block = null;
      shown = null;
      if (counters != null) {
        sink.accept(counters.build(file, host));
        facts++;
        counters = null;
      }
    }

    TextSummary finish(List<FileProblem> lineProblems) {
      closeBlocks();
      problems.addAll(lineProblems);
      if (facts == 0) {
        problems.add(
            FileProblem.of(
                "file-config-no-interfaces",
                "no interface blocks and no \"show port-security interface\" output found"));
      }
      return new TextSummary(lineNumber, facts, unrecognised, List.copyOf(problems));
    }

    /** The counters of one "show interfaces" block, read from its indented lines. */
    private static final class CountersBuilder {
      private final long line;
      private final String interfaceName;
      private String duplex;
      private long runts;
      private long crc;
      private long lateCollisions;

      CountersBuilder(long line, String interfaceName) {
        this.line = line;
        this.interfaceName = interfaceName;
      }

      void line(String text) {
        Matcher m;
        if ((m = DUPLEX.matcher(text)).find()) {
          String d = m.group(1).toLowerCase(Locale.ROOT);
          duplex = d.startsWith("a-") ? d.substring(2) : d;
        }
        runts = count(RUNTS, text, runts);
        crc = count(CRC, text, crc);
        lateCollisions = count(LATE_COLLISIONS, text, lateCollisions);
      }

      private static long count(Pattern p, String text, long before) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : before;
      }

      InterfaceCounters build(String file, String host) {
        return new InterfaceCounters(
            Origin.line(file, line, null), host, interfaceName, duplex, runts, crc, lateCollisions);
      }
    }

    private static Integer firstNumber(String value) {
      Matcher m = NUMBER.matcher(value);
      return m.find() ? number(m.group(1)) : null;
    }

    /**
     * Decimal digits as an int; null when not digits or too large for an int (no port or VLAN has
     * such a value).
     */
    private static Integer number(String digits) {
      try {
        return Integer.valueOf(digits);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
