package dev.regdoc.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response on Jetty's core API, read and written blocking (the handlers run on
 * request threads).
 */
final class WebCall {
  private final Request request;
  private final Response response;
  private InputStream body;

  WebCall(Request request, Response response) {
    this.request = request;
    this.response = response;
  }

  String method() {
    return request.getMethod();
  }

  String path() {
    return request.getHttpURI().getPath();
  }

  /** The header's first value, or null. */
  String header(String name) {
    return request.getHeaders().get(name);
  }

  long contentLength() {
    return request.getLength();
  }

  String queryParam(String key) {
    Fields q = Request.extractQueryParameters(request);
    return q.getValue(key);
  }

  /** Every value of a repeated query parameter, in order; empty when there is none. */
  List<String> queryParams(String key) {
    List<String> values = Request.extractQueryParameters(request).getValues(key);
    return values == null ? List.of() : values;
  }

  String cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (name.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }

  /**
   * The request body; a read that waits longer than the idle timeout fails instead of holding the
   * thread.
   */
  InputStream body() {
    if (body == null) {
      body = Request.asInputStream(request);
    }
    return body;
  }

  void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  void addHeader(String name, String value) {
    response.getHeaders().add(name, value);
  }

  boolean committed() {
    return response.isCommitted();
  }

  /**
   * Writes the whole answer and ends the response (the exchange itself ends when the handler
   * returns).
   */
  void send(int status, String contentType, byte[] bytes) throws IOException {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    Content.Sink.write(response, true, ByteBuffer.wrap(bytes));
  }

  /** Streams a file as the whole answer, so a large one is never held in memory. */
  void sendFile(int status, String contentType, Path file) throws IOException {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      Files.copy(file, out);
    }
  }
}
