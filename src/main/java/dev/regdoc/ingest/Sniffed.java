package dev.regdoc.ingest;

import dev.regdoc.facts.InputKind;

/**
 * The verdict on a file's content.
 *
 * @param description what it looks like, in words, e.g. "pcap (nanosecond, little endian)" or "a
 *     PDF document"
 */
public record Sniffed(InputKind kind, String description) {}
