package dev.regdoc.chat.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The page itself: a fixed set of files from the classpath folder web/, nothing else. */
final class StaticFiles {
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/app.js", "app.js",
      "/app.css", "app.css");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8");

  private final WebExchanges io;

  StaticFiles(WebExchanges io) {
    this.io = io;
  }

  void serve(HttpExchange ex, WebSession session) throws IOException {
    String file = FILES.get(ex.getRequestURI().getPath());
    if (file == null) {
      io.error(ex, 404, "no such page: " + ex.getRequestURI().getPath());
      return;
    }
    if (!io.requireMethod(ex, "GET")) {
      return;
    }
    byte[] bytes;
    try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + file)) {
      if (in == null) {
        throw new IllegalStateException("web/" + file + " is missing from the classpath");
      }
      bytes = in.readAllBytes();
    }
    String ext = file.substring(file.lastIndexOf('.') + 1);
    io.send(ex, 200, TYPES.get(ext), bytes);
  }
}
