package dev.regdoc.bot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names a running regdoc among those sharing a database: host, process id and four random bytes (a
 * process id comes back after a restart, a job's owner must not).
 */
final class InstanceIds {
  private InstanceIds() {}

  static String fresh() {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return host() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
