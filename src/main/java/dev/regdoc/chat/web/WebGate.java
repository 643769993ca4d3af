package dev.regdoc.chat.web;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the web chat at all. A page on another site, or one reached by a host name that
 * was rebound to this address, runs in the user's browser and can send requests here: such requests
 * are told apart by their Host (only the chat's own names), their Origin (only the chat's own, or
 * none) and their Sec-Fetch-Site (never cross-site or same-site: another port on localhost is
 * another application). API calls must also be JSON or the page's own upload, which a plain form
 * cannot send.
 */
final class WebGate {
  private final Set<String> hosts = new HashSet<>();
  private final Set<String> origins = new HashSet<>();

  /**
   * @param names the chat's own host names and addresses, without port
   */
  WebGate(Set<String> names, int port) {
    for (String n : names) {
      String name = n.toLowerCase(Locale.ROOT);
      String bracketed = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
      hosts.add(bracketed + ":" + port);
      origins.add("http://" + bracketed + ":" + port);
      if (port == 80) {
        hosts.add(bracketed);
        origins.add("http://" + bracketed);
      }
    }
  }

  static Set<String> ownNames(String boundHost, Set<String> configured) {
    Set<String> names = new HashSet<>(configured);
    names.add(boundHost);
    names.add("localhost");
    names.add("127.0.0.1");
    names.add("::1");
    return names;
  }

  /** Why any request is refused, or null when it may go on. */
  String refusal(WebCall call) {
    String host = call.header("Host");
    if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
      return "this chat does not answer to the host name "
          + (host == null ? "(none)" : "'" + clip(host) + "'")
          + "; open it by its own address";
    }
    String origin = call.header("Origin");
    if (origin != null && !origins.contains(normalOrigin(origin))) {
      return "requests from another origin (" + clip(origin) + ") are refused";
    }
    String site = call.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return "requests from another site are refused";
    }
    return null;
  }

  /**
   * Why an API call's body type is refused, or null: JSON for messages, the page's octet stream for
   * uploads.
   */
  static String typeRefusal(WebCall call, String expected) {
    if (!"POST".equalsIgnoreCase(call.method())) {
      return null;
    }
    String type = call.header("Content-Type");
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return base.equals(expected)
        ? null
        : "send " + expected + ", not " + (base.isEmpty() ? "no content type" : clip(base));
  }

  private static String normalOrigin(String origin) {
    try {
      URI u = URI.create(origin.strip());
      return (u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
          .toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String clip(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
