package dev.regdoc.chat.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /health, /ready and /metrics for load balancers and monitoring. They answer GETs before the web
 * chat's host check (a balancer asks by address), tell nothing about any case, and leave every
 * other path to the web chat.
 */
final class OperatorEndpoints extends Handler.Abstract {
  private final OperatorChecks checks;

  OperatorEndpoints(OperatorChecks checks) {
    this.checks = checks;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    switch (Request.getPathInContext(request)) {
      case "/health" -> send(response, callback, 200, "ok " + checks.instanceId() + "\n", TEXT);
      case "/ready" -> ready(response, callback);
      case "/metrics" -> send(response, callback, 200, checks.metrics().get(), PROMETHEUS);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private void ready(Response response, Callback callback) {
    boolean db = safely(checks.databaseReachable());
    boolean rules = safely(checks.rulesLoaded());
    String body =
        "database "
            + (db ? "reachable" : "unreachable")
            + "\nrules "
            + (rules ? "loaded" : "not loaded")
            + "\n";
    send(response, callback, db && rules ? 200 : 503, body, TEXT);
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void send(
      Response response, Callback callback, int status, String body, String type) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
