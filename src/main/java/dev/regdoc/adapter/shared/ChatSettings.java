package dev.regdoc.adapter.shared;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the chat adapters' settings read and decide alike (Slack's and Discord's). */
public final class ChatSettings {
  private ChatSettings() {}

  /** A comma-separated list of ids or hosts under {@code key}; {@code dflt} when it is not set. */
  public static Set<String> commaList(Map<String, String> env, String key, Set<String> dflt) {
    String v = env.get(key);
    if (v == null) {
      return dflt;
    }
    return Arrays.stream(v.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether a workspace (Slack team, Discord server) and channel are served by the allowlists; an
   * empty list serves all.
   */
  public static boolean serves(
      Set<String> workspaces, Set<String> channels, String workspace, String channel) {
    return (workspaces.isEmpty() || workspaces.contains(workspace))
        && (channels.isEmpty() || channels.contains(channel));
  }
}
