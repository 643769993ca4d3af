package dev.regdoc.devconfig;

import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.ingest.TextReader;
import dev.regdoc.ingest.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A switch's running configuration (interface blocks with port-security and VLANs) or the output of
 * {@code show port-security interface}. Lines regdoc has no use for are normal in a config and are
 * only counted.
 */
public final class IosConfigReader implements TextReader {
  private static final Pattern INTERFACE = Pattern.compile("^interface (\\S+)");
  private static final Pattern SHOW_CMD = Pattern.compile("show port-security interface (\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SHOW_FIELD = Pattern.compile("^\\s*([A-Za-z ]+?)\\s*:\\s*(.*?)\\s*$");

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    String host = null;
    Block block = null;
    ShowOutput show = null;
    long n = 0;
    long recognised = 0;
    String line;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.startsWith("hostname ")) {
        host = line.substring(9).trim();
        continue;
      }
      Matcher cmd = SHOW_CMD.matcher(line);
      if (cmd.find()) {
        show = new ShowOutput(file, n, cmd.group(1));
        continue;
      }
      Matcher i = INTERFACE.matcher(line);
      if (i.find()) {
        recognised += emit(block, host, sink);
        block = new Block(file, n, i.group(1));
        continue;
      }
      if (block != null && (line.startsWith(" ") || line.startsWith("\t"))) {
        block.line(line.trim().toLowerCase(Locale.ROOT));
      } else if (block != null) {
        recognised += emit(block, host, sink);
        block = null;
      }
      Matcher f = SHOW_FIELD.matcher(line);
      if (f.matches()) {
        if (show == null && f.group(1).equalsIgnoreCase("Port Security")) {
          show = new ShowOutput(file, n, null);
        }
        if (show != null && show.field(f.group(1), f.group(2))) {
          recognised++;
        }
      }
    }
    recognised += emit(block, host, sink);
    if (show != null && show.complete()) {
      sink.accept(show.toFact(host));
    }
    return new TextSummary(n, recognised, 0, List.of());
  }

  private static int emit(Block b, String host, FactSink sink) {
    if (b == null) {
      return 0;
    }
    sink.accept(b.toFact(host));
    return 1;
  }

  /** One "interface X" block of a running configuration. */
  private static final class Block {
    final String file;
    final long line;
    final String name;
    boolean portSecurity;
    Integer maximum;
    Integer aging;
    String agingType;
    boolean agingStatic;
    String violation;
    boolean sticky;
    final List<String> stickyMacs = new ArrayList<>();
    Integer accessVlan;
    Integer voiceVlan;
    boolean shutdown;

    Block(String file, long line, String name) {
      this.file = file;
      this.line = line;
      this.name = name;
    }

    void line(String l) {
      String[] w = l.split("\\s+");
      if (l.equals("switchport port-security")) {
        portSecurity = true;
      } else if (l.startsWith("switchport port-security maximum ")) {
        maximum = number(w[3]);
      } else if (l.startsWith("switchport port-security aging time ")) {
        aging = number(w[4]);
      } else if (l.startsWith("switchport port-security aging type ")) {
        agingType = w[4];
      } else if (l.equals("switchport port-security aging static")) {
        agingStatic = true;
      } else if (l.startsWith("switchport port-security violation ")) {
        violation = w[3];
      } else if (l.startsWith("switchport port-security mac-address sticky")) {
        sticky = true;
        if (w.length > 4) {
          stickyMacs.add(mac(w[4]));
        }
      } else if (l.startsWith("switchport access vlan ")) {
        accessVlan = number(w[3]);
      } else if (l.startsWith("switchport voice vlan ")) {
        voiceVlan = number(w[3]);
      } else if (l.equals("shutdown")) {
        shutdown = true;
      }
    }

    SwitchPortConfig toFact(String host) {
      String type = agingType != null ? agingType : aging != null && aging > 0 ? "absolute" : null;
      return new SwitchPortConfig(Origin.line(file, line, null), host, name, portSecurity, maximum, aging, type,
          agingStatic, violation, sticky, List.copyOf(stickyMacs), accessVlan, voiceVlan, shutdown);
    }
  }

  /** "show port-security interface X" output. */
  private static final class ShowOutput {
    final String file;
    final long line;
    final String iface;
    boolean enabled;
    Integer maximum;
    Integer aging;
    String agingType;
    boolean agingStatic;
    String violation;
    int seen;

    ShowOutput(String file, long line, String iface) {
      this.file = file;
      this.line = line;
      this.iface = iface;
    }

    boolean field(String name, String value) {
      String v = value.trim();
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "port security" -> enabled = v.equalsIgnoreCase("enabled");
        case "aging time" -> aging = number(v.split("\\s+")[0]);
        case "aging type" -> agingType = v.toLowerCase(Locale.ROOT);
        case "securestatic address aging" -> agingStatic = v.equalsIgnoreCase("enabled");
        case "maximum mac addresses" -> maximum = number(v);
        case "violation mode" -> violation = v.toLowerCase(Locale.ROOT);
        default -> {
          return false;
        }
      }
      seen++;
      return true;
    }

    boolean complete() {
      return seen >= 2;
    }

    SwitchPortConfig toFact(String host) {
      return new SwitchPortConfig(Origin.line(file, line, null), host, iface == null ? "(show port-security)" : iface, enabled,
          maximum, aging, agingType, agingStatic, violation, false, List.of(), null, null, false);
    }
  }

  static Integer number(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String mac(String cisco) {
    String hex = cisco.replaceAll("[^0-9a-fA-F]", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 12) {
      return cisco;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      sb.append(i > 0 ? ":" : "").append(hex, i, i + 2);
    }
    return sb.toString();
  }
}
