package dev.regdoc.common;

/**
 * How far the reading of one input has got, for the progress a user sees while a large capture is
 * read. Called on the thread that asked for the reading, a bounded number of times per file.
 */
@FunctionalInterface
public interface ReadProgress {
  ReadProgress NONE = (file, done, total) -> {};

  /**
   * @param file the name the user knows the input by ("phone.pcap", "bundle.zip!/trace/phone.pcap")
   * @param done bytes of it read so far
   * @param total its size in bytes
   */
  void read(String file, long done, long total);
}
