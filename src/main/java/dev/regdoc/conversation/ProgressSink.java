package dev.regdoc.conversation;

/**
 * Where the engine reports progress on slow work (reading a large capture); the web chat shows it
 * live, Slack updates one message, the terminal prints a line. Calls come from the engine's thread.
 */
@FunctionalInterface
public interface ProgressSink {
  ProgressSink NONE = (text, percent) -> {};

  /**
   * @param text what is happening, in the user's language ("Reading phone.pcap: 12 MB of 40 MB")
   * @param percent 0-100, or -1 when unknown
   */
  void progress(String text, int percent);
}
