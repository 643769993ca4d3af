package dev.regdoc.timeline;

import dev.regdoc.facts.Fact;
import java.util.HashMap;
import java.util.Map;

/**
 * Which CUCM each phone is registered with, per capture: a successful registration with a different
 * server than before is a failover, and a return to the first server seen is a fallback.
 */
final class ServerRoles {
  private final Events events;
  private final Map<String, String> active = new HashMap<>();
  private final Map<String, String> first = new HashMap<>();

  ServerRoles(Events events) {
    this.events = events;
  }

  void registered(Fact source, String device, String server, String protocol) {
    String key = source.origin().file() + "|" + device;
    first.putIfAbsent(key, server);
    String previous = active.put(key, server);
    if (previous == null || previous.equals(server)) {
      return;
    }
    boolean fallback = server.equals(first.get(key));
    String kind = fallback ? "fallback" : "failover";
    events.add(source, kind, device, (fallback ? "Fallback: " : "Failover: ") + protocol + " registration moved from "
        + previous + " to " + server, Events.details("from", previous, "to", server, "protocol", protocol));
  }

  boolean isActive(Fact source, String device, String server) {
    return server.equals(active.get(source.origin().file() + "|" + device));
  }
}
