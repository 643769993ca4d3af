package dev.regdoc.conversation;

import dev.regdoc.common.DisplayNames;
import java.nio.file.Path;

/**
 * A file a user sent, already on local disk: the adapter downloads it (after checking its size) to
 * a temporary file and the engine copies it into the case store before analysing it.
 *
 * @param name the name the user gave the file (shown in evidence; never used to judge its type)
 * @param size bytes, as announced by the platform (checked against the upload limit before
 *     download)
 * @param content the downloaded bytes; the adapter deletes it after {@link ChatEngine#handle}
 *     returns (if it is still there: see {@code sha256})
 * @param sha256 the SHA-256 of {@code content} in lower-case hex when the adapter hashed it as it
 *     received it, else null; given, {@code content} is the adapter's own temp file, which the case
 *     store may take as it is (move) instead of reading and copying it again
 */
public record Upload(String name, long size, Path content, String sha256) {
  public Upload {
    name = DisplayNames.clean(name); // shown in replies, reports and the case's transcript
  }

  /** A file whose hash is not known yet (the store hashes it as it copies it). */
  public Upload(String name, long size, Path content) {
    this(name, size, content, null);
  }

  /** How the reader names an archive's entries: "bundle.zip!/trace/phone.pcap". */
  private static final String ENTRY = "!/";

  /**
   * The name of the upload that a file the analysis names came from: an archive entry belongs to
   * its archive.
   */
  static String nameOf(String analysedFile) {
    int entry = analysedFile.indexOf(ENTRY);
    return entry < 0 ? analysedFile : analysedFile.substring(0, entry);
  }
}
