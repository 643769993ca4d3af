package dev.regdoc.chat.web;

import dev.regdoc.common.BoundedMap;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** The live sessions by cookie value; the least recently used are forgotten beyond a bound (their cases stay in the store). */
final class WebSessions {
  private static final int MAX_SESSIONS = 1000;
  private final SecureRandom random = new SecureRandom();
  private final int historyLimit;
  private final Map<String, WebSession> byId = BoundedMap.leastRecentlyUsedOut(MAX_SESSIONS);

  WebSessions(int historyLimit) {
    this.historyLimit = historyLimit;
  }

  synchronized WebSession find(String id) {
    return id == null ? null : byId.get(id);
  }

  synchronized WebSession create() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    WebSession s = new WebSession(id, historyLimit);
    byId.put(id, s);
    return s;
  }
}
