package dev.regdoc.chat.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token each page carries and sends back with every API call: a random nonce signed with a key
 * that lives only in this process. Only a page served by this chat can hold one (another site
 * cannot read the page), and checking one needs no stored state, so serving the page never creates
 * a session. A session's id is derived from the token it was created with, so the first calls of
 * one page share one session however they race.
 */
final class RequestTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final SecureRandom random = new SecureRandom();
  private final byte[] key;

  RequestTokens() {
    key = new byte[32];
    random.nextBytes(key);
  }

  /**
   * Tokens signed with {@code sharedKey}: instances given the same key (behind one load balancer)
   * accept each other's pages, and a page's session is the same session on each of them.
   */
  RequestTokens(byte[] sharedKey) {
    if (sharedKey.length < 16) {
      throw new IllegalArgumentException("the web session key must be at least 16 bytes");
    }
    key = sharedKey.clone();
  }

  /** A fresh token: 16 random bytes and their signature. */
  String fresh() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String n = B64.encodeToString(nonce);
    return n + "." + sign("token:" + n);
  }

  /** Whether {@code token} was made by {@link #fresh()} in this process. */
  boolean valid(String token) {
    if (token == null || token.length() > 100) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    return same(sign("token:" + token.substring(0, dot)), token.substring(dot + 1));
  }

  /** The id of the session a valid token starts. */
  String sessionId(String token) {
    return sign("session:" + token);
  }

  static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
