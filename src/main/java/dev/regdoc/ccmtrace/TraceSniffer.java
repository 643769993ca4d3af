package dev.regdoc.ccmtrace;

/**
 * Tells a CallManager trace from other text by its first lines: a FileHead line, or record lines
 * ({@code NNNNNNNN.NNN |HH:MM:SS.mmm |Type |...}, or the older {@code HH:MM:SS.mmm CCM|...}) making
 * up at least half of the lines that are not continuations. Never by the file's name.
 */
public final class TraceSniffer {
  private static final int MAX_LINES = 400;

  private TraceSniffer() {}

  /** What {@code head} is in words, or null when it is not a trace. */
  public static String describe(String head) {
    TraceLine t = new TraceLine();
    int sdl = 0;
    int sdi = 0;
    int other = 0;
    FileHeader header = null;
    for (String l : (Iterable<String>) head.lines().limit(MAX_LINES)::iterator) {
      switch (t.parse(l)) {
        case SDL -> {
          sdl++;
          if (header == null && TraceLine.Types.FILE_HEAD.equals(t.type)) {
            header = FileHeader.parse(t.payload());
          }
        }
        case SDI -> sdi++;
        case BROKEN -> other++;
        default -> {
          // continuation lines (SIP messages, dumps) belong to the record above them
        }
      }
    }
    if (header != null || sdl >= 2 && sdl >= other) {
      if (header != null && header.appName() != null && !"CCM".equalsIgnoreCase(header.appName())) {
        return "an SDL trace of " + header.appName() + " (AppId " + header.appId() + ")";
      }
      return "a Cisco CallManager SDL trace";
    }
    if (sdi >= 2 && sdi >= other) {
      return "a Cisco CallManager SDI trace";
    }
    return null;
  }
}
