package dev.regdoc.ccmtrace;

import java.util.Locale;

/**
 * What a trace file's name and path say: {@code SDL001_100_000123.txt.gz} is node 1, application
 * 100 (CallManager), file 123; in an RTMT download the folder above {@code cm/trace/...} is the
 * node's ({@code rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/SDL001_100_000123.txt.gz}), with a collection
 * time folder in between when the files were pushed by SFTP ({@code 192.0.2.10/2024-08-12_10-00-00
 * /cm/...}).
 */
final class TraceNames {
  private TraceNames() {}

  /**
   * The parts of an SDL file name.
   *
   * @param nodeId from SDLnnn
   * @param appId the middle number
   * @param sequence the last number
   */
  record SdlName(int nodeId, int appId, int sequence) {}

  /** The SDL name in the last segment of {@code path}, or null when it is named otherwise. */
  static SdlName sdlName(String path) {
    String base = lastSegment(path);
    if (base.length() < 17 || !base.regionMatches(true, 0, "SDL", 0, 3)) {
      return null;
    }
    // SDL ddd _ ddd _ dddddd
    if (base.charAt(6) != '_' || base.charAt(10) != '_') {
      return null;
    }
    int node = digits(base, 3, 6);
    int app = digits(base, 7, 10);
    int seq = digits(base, 11, 17);
    return node < 0 || app < 0 || seq < 0 ? null : new SdlName(node, app, seq);
  }

  /**
   * The node's folder in a download: the nearest folder above {@code cm} that is not a collection
   * time; null when the path has no {@code cm} folder.
   */
  static String nodeFolder(String path) {
    String[] parts = path.replace('\\', '/').replace("!/", "/").split("/");
    for (int i = parts.length - 2; i > 0; i--) {
      if (!parts[i].equalsIgnoreCase("cm")) {
        continue;
      }
      for (int j = i - 1; j >= 0; j--) {
        if (!parts[j].isEmpty() && !isCollectionTime(parts[j]) && !isArchive(parts[j])) {
          return parts[j];
        }
      }
    }
    return null;
  }

  /** 2024-08-12_10-00-00, the folder DIME's SFTP push makes per collection. */
  private static boolean isCollectionTime(String s) {
    return s.length() == 19
        && digits(s, 0, 4) >= 0
        && s.charAt(4) == '-'
        && s.charAt(10) == '_'
        && digits(s, 11, 13) >= 0;
  }

  private static boolean isArchive(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.endsWith(".zip") || l.endsWith(".gz") || l.endsWith(".gzo");
  }

  static String lastSegment(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
