package dev.regdoc.adapter.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A chat request as the JSON its queued turn is stored with, and read back from. */
public final class QueuedJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QueuedJson() {}

  /**
   * {@code request} as JSON; a request record always writes, so a failure is a programming error.
   */
  public static String of(Object request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
