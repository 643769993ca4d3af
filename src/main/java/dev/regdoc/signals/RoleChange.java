package dev.regdoc.signals;

import java.time.Instant;

/**
 * The phone moved its registration: "failover" away from the first CUCM, or "fallback" back to it.
 */
public record RoleChange(
    String device, String kind, String from, String to, Instant time, String file, long frame)
    implements Cited {}
