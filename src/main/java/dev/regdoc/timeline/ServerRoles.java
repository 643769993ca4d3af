package dev.regdoc.timeline;

import dev.regdoc.facts.Fact;
import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.event.InferredEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which CUCM each phone is registered with, per capture: a successful registration with a different
 * server than before is a failover, and a return to the first server seen is a fallback.
 */
final class ServerRoles {
  private final Events events;
  private final Function<Fact, String> viewOf;
  // by view and device
  private final Map<CompoundKey, String> active = new HashMap<>();
  private final Map<CompoundKey, String> first = new HashMap<>();
  private final Map<CompoundKey, Instant> lastChange = new HashMap<>();

  /**
   * @param viewOf the capture a message was read from, or the node's trace lane for a traced one
   */
  ServerRoles(Events events, Function<Fact, String> viewOf) {
    this.events = events;
    this.viewOf = viewOf;
  }

  /**
   * A successful registration answered at {@code source} for a request sent at {@code requested}.
   * An answer to a request sent before the phone last moved is stale and changes nothing.
   *
   * @return the server the phone was registered with before, when this moved it; otherwise null
   */
  String registered(
      Fact source, Instant requested, String device, String server, Protocol protocol) {
    CompoundKey key = CompoundKey.of(viewOf.apply(source), device);
    Instant changed = lastChange.get(key);
    if (changed != null && requested != null && requested.isBefore(changed)) {
      return null;
    }
    first.putIfAbsent(key, server);
    String previous = active.put(key, server);
    if (previous == null || previous.equals(server)) {
      return null;
    }
    lastChange.put(key, source.time());
    boolean fallback = server.equals(first.get(key));
    events.add(
        source,
        device,
        (fallback ? "Fallback: " : "Failover: ")
            + protocol
            + " registration moved from "
            + previous
            + " to "
            + server,
        new InferredEvent.RoleChange(fallback, previous, server, protocol));
    return previous;
  }

  /** An answer to a request sent before the phone last moved: it no longer changes anything. */
  boolean isStale(Fact source, Instant requested, String device) {
    Instant changed = lastChange.get(CompoundKey.of(viewOf.apply(source), device));
    return changed != null && requested != null && requested.isBefore(changed);
  }

  boolean isActive(Fact source, String device, String server) {
    return server.equals(active.get(CompoundKey.of(viewOf.apply(source), device)));
  }
}
