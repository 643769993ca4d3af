package dev.regdoc.chat.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written by hand on a socket, for what an HTTP client will not send (a foreign Host, half
 * a header).
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code request} (head and body, CRLF line ends) and returns the whole answer, read until
   * the server closes.
   */
  static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      got.write(buf, 0, n);
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /**
   * A JSON POST to {@code path} with the given Host and extra header lines (each ending in CRLF);
   * the connection closes after.
   */
  static String postJson(int port, String path, String host, String extraHeaders, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return exchange(
        port,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nConnection: close\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n"
            + extraHeaders
            + "\r\n"
            + json);
  }
}
