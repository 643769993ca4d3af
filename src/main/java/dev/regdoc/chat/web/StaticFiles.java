package dev.regdoc.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The page itself: a fixed set of files from the classpath folder web/, nothing else; read once,
 * when the server starts. The page gets the request token its API calls must carry in place of
 * {@value #TOKEN_SLOT}.
 */
final class StaticFiles {
  static final String TOKEN_SLOT = "{{request-token}}";
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/app.css", "app.css");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  private final WebExchanges io;

  /**
   * By file name; a file missing from the classpath has no entry (its request fails, the others are
   * served).
   */
  private final Map<String, byte[]> contents;

  StaticFiles(WebExchanges io) {
    this.io = io;
    this.contents = read(Set.copyOf(FILES.values()));
  }

  boolean has(String path) {
    return FILES.containsKey(path);
  }

  void serve(WebCall call) throws IOException {
    String file = FILES.get(call.path());
    if (!io.requireMethod(call, "GET")) {
      return;
    }
    byte[] bytes = contents.get(file);
    if (bytes == null) {
      throw new IllegalStateException("web/" + file + " is missing from the classpath");
    }
    String ext = file.substring(file.lastIndexOf('.') + 1);
    if (ext.equals("html")) {
      bytes =
          new String(bytes, StandardCharsets.UTF_8)
              .replace(TOKEN_SLOT, io.pageToken(call))
              .getBytes(StandardCharsets.UTF_8);
    }
    call.send(200, TYPES.get(ext), bytes);
  }

  private static Map<String, byte[]> read(Set<String> files) {
    Map<String, byte[]> out = new HashMap<>();
    for (String file : files) {
      try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + file)) {
        if (in != null) {
          out.put(file, in.readAllBytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read web/" + file + " from the classpath", e);
      }
    }
    return Map.copyOf(out);
  }
}
