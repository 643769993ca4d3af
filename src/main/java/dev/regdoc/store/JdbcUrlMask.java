package dev.regdoc.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL as it may be shown in a message or a log: the value of every parameter whose name
 * (percent-decoded, any case) is or holds password, passwd, pwd, pass, secret, token, key or
 * credential becomes "***", and so does the password of a {@code user:password@host} part.
 * Parameters are read in each dialect's own form: H2's and SQL Server's {@code ;key=value}, the
 * {@code ?key=value&...} query of PostgreSQL and MySQL. A secret value holding a separator ({@code
 * password=x;y}) is masked to the next parameter, so none of it shows; masking too much is
 * preferred to showing a secret.
 */
final class JdbcUrlMask {
  private static final String MASK = "***";
  private static final List<String> SECRET_WORDS =
      List.of("password", "passwd", "pwd", "pass", "secret", "token", "key", "credential");
  private static final Pattern SEPARATOR = Pattern.compile("[;&?]");

  private JdbcUrlMask() {}

  static String mask(String url) {
    String s = maskUserInfo(url);
    Matcher m = SEPARATOR.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out =
        new StringBuilder(s.substring(0, m.start())); // the address: never a parameter
    boolean inSecret = false;
    int from = m.start();
    while (from < s.length()) {
      int next = m.find(from + 1) ? m.start() : s.length();
      String separator = s.substring(from, from + 1);
      String param = s.substring(from + 1, next);
      int eq = param.indexOf('=');
      if (eq < 0 && inSecret) {
        // the rest of a secret value that held a separator: drop it with its separator
      } else if (eq >= 0 && isSecret(param.substring(0, eq))) {
        out.append(separator).append(param, 0, eq + 1).append(MASK);
        inSecret = true;
      } else {
        out.append(separator).append(param);
        inSecret = inSecret && eq < 0;
      }
      from = next;
    }
    return out.toString();
  }

  /** {@code //user:password@host}: the password masked up to the last '@' before any parameter. */
  private static String maskUserInfo(String url) {
    int start = url.indexOf("//");
    if (start < 0) {
      return url;
    }
    Matcher params = SEPARATOR.matcher(url);
    int end = params.find(start) ? params.start() : url.length();
    int at = url.lastIndexOf('@', end - 1);
    int colon = url.indexOf(':', start + 2);
    if (at <= start || colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, colon + 1) + MASK + url.substring(at);
  }

  static boolean isSecret(String rawKey) {
    String key = decode(rawKey).toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(key::contains);
  }

  /**
   * Percent-decoded until nothing changes (a key encoded twice still reads as itself); as written
   * when malformed.
   */
  private static String decode(String key) {
    String k = key;
    for (int i = 0; i < 3 && k.contains("%"); i++) {
      try {
        k = URLDecoder.decode(k.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return k;
      }
    }
    return k;
  }
}
