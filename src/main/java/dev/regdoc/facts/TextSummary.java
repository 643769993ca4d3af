package dev.regdoc.facts;

import java.util.List;

/**
 * What a text reader made of a file.
 *
 * @param lines physical lines read
 * @param recognised records turned into facts (a wrapped alarm over three lines counts once)
 * @param unrecognised non-blank records that matched nothing regdoc knows (each also becomes an
 *     Anomaly fact, so nothing is dropped silently)
 * @param problems user-facing sentences about the file as a whole (binary content, encoding, ...)
 */
public record TextSummary(long lines, long recognised, long unrecognised, List<String> problems) {}
