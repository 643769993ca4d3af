package dev.regdoc.signals;

import java.time.Instant;

/** A phone's TLS-protected signaling: only its timing can be analysed. */
public record EncryptedFlows(
    String device, int port, int segments, String file, long frame, Instant time)
    implements Cited {}
