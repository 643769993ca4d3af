package dev.regdoc.diagnosis;

import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.signals.Phone;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The switch access port a phone is assumed to sit on, and why: the configuration rarely says it
 * outright. In order of strength: the phone's MAC among the port's sticky/secure MACs; the
 * interface description naming the phone (its SEP name or its MAC in any notation); the only access
 * port with a voice VLAN.
 *
 * @param why "secure-mac", "description" or "only-voice-port"
 */
public record PhonePort(SwitchPortConfig port, String why) {

  /** The phone's port among the given ones: an empty list when none can be told apart. */
  public static List<PhonePort> find(Phone phone, Collection<?> configs) {
    List<SwitchPortConfig> ports =
        configs.stream()
            .filter(SwitchPortConfig.class::isInstance)
            .map(SwitchPortConfig.class::cast)
            .toList();
    String mac = phone.mac() == null ? "" : phone.mac().toLowerCase(Locale.ROOT);
    for (SwitchPortConfig p : ports) {
      if (!mac.isEmpty() && p.stickyMacs().stream().anyMatch(m -> m.equalsIgnoreCase(mac))) {
        return List.of(new PhonePort(p, "secure-mac"));
      }
    }
    for (SwitchPortConfig p : ports) {
      if (names(p.description(), phone)) {
        return List.of(new PhonePort(p, "description"));
      }
    }
    List<SwitchPortConfig> voice =
        ports.stream().filter(p -> p.voiceVlan() != null && !p.shutdown()).toList();
    return voice.size() == 1 ? List.of(new PhonePort(voice.get(0), "only-voice-port")) : List.of();
  }

  private static boolean names(String description, Phone phone) {
    if (description == null) {
      return false;
    }
    String d = description.toLowerCase(Locale.ROOT);
    if (phone.id() != null && d.contains(phone.id().toLowerCase(Locale.ROOT))) {
      return true;
    }
    String hex =
        phone.mac() == null
            ? ""
            : phone.mac().replaceAll("[^0-9a-fA-F]", "").toLowerCase(Locale.ROOT);
    return hex.length() == 12 && d.replaceAll("[.:\\-]", "").contains(hex);
  }

  /**
   * Inactivity aging shorter than the idle time: the port forgets the phone's MAC between
   * refreshes.
   */
  public boolean agesOutWithin(double idleSeconds) {
    return port.portSecurity()
        && "inactivity".equalsIgnoreCase(port.agingType())
        && port.agingMinutes() != null
        && port.agingMinutes() > 0
        && port.agingMinutes() * 60 < idleSeconds;
  }
}
