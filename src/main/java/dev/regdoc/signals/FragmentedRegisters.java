package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.AddressEvent;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.SipEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the timeline's IP-fragment events to the REGISTER transactions they carried (same capture,
 * same frame), and counts the phone's unfragmented SIP requests to CUCM that got CUCM's final
 * answer. Requests CUCM sends the phone (an OPTIONS ping, a NOTIFY) do not count: the phone's
 * answer to them shows only that small datagrams reach the phone.
 */
final class FragmentedRegisters {
  /** A frame of one capture. */
  private record At(String file, long frame) {}

  /** A non-REGISTER request of one capture, by Call-ID and method. */
  record Request(String file, String callId, String method) {}

  /** A capture that lacks a REGISTER, and its frames of the requests sent before and after it. */
  record Missing(String file, List<Long> around) {}

  private FragmentedRegisters() {}

  static List<FragmentedRegister> of(
      List<TimelineEvent> events, List<RegisterTransaction> transactions) {
    Map<At, Integer> fragmented = new HashMap<>();
    Map<Request, TimelineEvent> requests = new LinkedHashMap<>();
    List<Request> answered = new ArrayList<>();
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      if (e.details() instanceof AddressEvent.IpFragmented f) {
        fragmented.put(new At(e.file(), e.frame()), f.datagramBytes());
      } else if (e.details() instanceof SipEvent.Request r
          && r.direction() == Direction.PHONE_TO_CUCM) {
        requests.putIfAbsent(new Request(e.file(), r.callId(), r.method()), e);
      } else if (e.details() instanceof SipEvent.Response r && r.status() >= 200) {
        answered.add(new Request(e.file(), r.callId(), r.cseqMethod()));
      }
    }
    if (fragmented.isEmpty()) {
      return List.of();
    }
    Map<String, List<Long>> smallAnswered = new HashMap<>(); // device|file -> request frames
    for (Request a : answered) {
      TimelineEvent r = requests.get(a);
      if (r != null && !fragmented.containsKey(new At(r.file(), r.frame()))) {
        smallAnswered
            .computeIfAbsent(r.device() + "|" + r.file(), k -> new ArrayList<>())
            .add(r.frame());
      }
    }
    for (RegisterTransaction t : transactions) {
      if (t.protocol() == Protocol.SIP
          && t.isAnswered()
          && t.frames().stream().noneMatch(f -> fragmented.containsKey(new At(t.file(), f)))) {
        smallAnswered
            .computeIfAbsent(t.device() + "|" + t.file(), k -> new ArrayList<>())
            .add(t.frame());
      }
    }
    List<FragmentedRegister> out = new ArrayList<>();
    for (RegisterTransaction t : transactions) {
      List<Integer> sizes = new ArrayList<>();
      for (long f : t.frames()) {
        Integer bytes = fragmented.get(new At(t.file(), f));
        if (bytes != null) {
          sizes.add(bytes);
        }
      }
      if (t.protocol() != Protocol.SIP || sizes.isEmpty()) {
        continue;
      }
      List<Long> small = smallAnswered.getOrDefault(t.device() + "|" + t.file(), List.of());
      Missing missing = CucmSide.missing(t, events, requests);
      out.add(
          new FragmentedRegister(
              t.device(),
              t.file(),
              t.frame(),
              t.time(),
              t.server(),
              t.cseq(),
              t.attempts(),
              t.isAnswered(),
              sizes.stream().mapToInt(Integer::intValue).max().orElse(0),
              sizes.size(),
              t.frames(),
              small.size(),
              List.copyOf(small),
              missing == null ? null : missing.file(),
              missing == null ? List.of() : missing.around()));
    }
    return out;
  }
}
