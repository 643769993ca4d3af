package dev.regdoc.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * Where a finding's proof is: the file, the frames (or the line for text), the time, and what it
 * shows, as a note key of the knowledge base ({@code evidence-notes.yaml}) with the values that
 * fill it.
 *
 * @param frames capture frame numbers; empty for text files
 * @param line text line number, 0 for captures
 */
public record Evidence(
    String file, List<Long> frames, long line, Instant time, String note, List<String> args) {}
