package dev.regdoc.devconfig;

import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.ingest.TextReader;
import dev.regdoc.ingest.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ASA running configuration: each named interface with its address, and whether proxy ARP is on.
 * The ASA answers ARP as a proxy on every interface unless "sysopt noproxyarp NAMEIF" says otherwise.
 */
public final class AsaConfigReader implements TextReader {
  private static final Pattern INTERFACE = Pattern.compile("^interface (\\S+)");
  private static final Pattern NOPROXY = Pattern.compile("^(no )?sysopt noproxyarp (\\S+)");

  private record Iface(long line, String name, String nameif, String ip) {}

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    String host = null;
    List<Iface> interfaces = new ArrayList<>();
    Map<String, Boolean> noProxy = new HashMap<>();
    String current = null;
    long currentLine = 0;
    String nameif = null;
    String ip = null;
    long n = 0;
    String line;
    while ((line = in.readLine()) != null) {
      n++;
      String t = line.trim();
      Matcher i = INTERFACE.matcher(line);
      if (i.find() || (!line.startsWith(" ") && current != null)) {
        if (current != null && nameif != null) {
          interfaces.add(new Iface(currentLine, current, nameif, ip));
        }
        current = i.find(0) ? i.group(1) : null;
        currentLine = n;
        nameif = null;
        ip = null;
      }
      if (t.startsWith("hostname ")) {
        host = t.substring(9).trim();
      } else if (current != null && t.startsWith("nameif ")) {
        nameif = t.substring(7).trim();
      } else if (current != null && t.startsWith("ip address ")) {
        String[] w = t.split("\\s+");
        ip = w.length >= 4 ? w[2] + " " + w[3] : w[2];
      }
      Matcher np = NOPROXY.matcher(t);
      if (np.find()) {
        noProxy.put(np.group(2), np.group(1) == null);
      }
    }
    if (current != null && nameif != null) {
      interfaces.add(new Iface(currentLine, current, nameif, ip));
    }
    for (Iface f : interfaces) {
      sink.accept(new AsaInterfaceConfig(Origin.line(file, f.line(), null), host, f.name(), f.nameif(), f.ip(),
          !noProxy.getOrDefault(f.nameif(), false)));
    }
    return new TextSummary(n, interfaces.size() + noProxy.size(), 0, List.of());
  }
}
