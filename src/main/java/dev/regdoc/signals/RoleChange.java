package dev.regdoc.signals;

import dev.regdoc.timeline.event.EventKind;
import java.time.Instant;

/**
 * The phone moved its registration: {@link EventKind#FAILOVER} away from the first CUCM, or {@link
 * EventKind#FALLBACK} back to it.
 */
public record RoleChange(
    String device, EventKind kind, String from, String to, Instant time, String file, long frame)
    implements Cited {}
