package dev.regdoc.chat.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most a given number of open connections per client address: one client cannot take all the
 * server's connections. A connection over the cap is closed as soon as it opens (Jetty's own {@code
 * ConnectionLimit} only bounds the total).
 */
final class ClientConnections implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnections.class);
  private final int perClient;
  private final Map<InetAddress, Integer> open = new HashMap<>();

  /** Whose each open connection is: a closed socket no longer tells its remote address. */
  private final Map<Connection, InetAddress> owners = new ConcurrentHashMap<>();

  ClientConnections(int perClient) {
    this.perClient = perClient;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress client = clientOf(connection);
    owners.put(connection, client);
    boolean over;
    synchronized (open) {
      int n = open.merge(client, 1, Integer::sum);
      over = n > perClient;
    }
    if (over) {
      LOG.debug("closing a connection from {}: more than {} open", client, perClient);
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress client = owners.remove(connection);
    if (client == null) {
      return;
    }
    synchronized (open) {
      open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static InetAddress clientOf(Connection connection) {
    SocketAddress a = connection.getEndPoint().getRemoteSocketAddress();
    return a instanceof InetSocketAddress
        ? ((InetSocketAddress) a).getAddress()
        : InetAddress.getLoopbackAddress();
  }
}
