package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code reason-codes.yaml}. */
final class ReasonCodeFile {
  static final String NAME = "reason-codes.yaml";

  record Content(
      Text unregistrationNote,
      List<ReasonCode> unregistration,
      Text registrationFailureCaveat,
      List<RegistrationFailure> registrationFailures,
      Text sipNote,
      List<SipStatus> sipStatuses) {}

  private ReasonCodeFile() {}

  static Content parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(
        root,
        Set.of("unregistration", "registration_failure", "sip_register_responses"),
        NAME,
        null,
        problems);
    JsonNode unreg = section(root, "unregistration", problems);
    JsonNode regFail = section(root, "registration_failure", problems);
    JsonNode sip = section(root, "sip_register_responses", problems);
    Text unregNote =
        sectionText(unreg, "unregistration", "note", Set.of("alarms", "note", "codes"), problems);
    Text caveat =
        sectionText(
            regFail,
            "registration_failure",
            "caveat",
            Set.of("alarms", "caveat", "codes"),
            problems);
    Text sipNote =
        sectionText(sip, "sip_register_responses", "note", Set.of("note", "codes"), problems);
    return new Content(
        unregNote,
        unregistration(unreg, problems),
        caveat,
        registrationFailures(regFail, problems),
        sipNote,
        sipStatuses(sip, problems));
  }

  private static JsonNode section(JsonNode root, String key, Problems problems) {
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode v = root.get(key);
    if (v == null || !v.isObject()) {
      problems.add(NAME, null, "'" + key + "' is missing or not a mapping");
      return null;
    }
    return v;
  }

  private static Text sectionText(
      JsonNode section, String where, String field, Set<String> keys, Problems problems) {
    if (section == null) {
      return new Text("", "");
    }
    YamlEntries.onlyKeys(section, keys, NAME, where, problems);
    EntryReader r = new EntryReader(NAME, where, section, problems);
    return r.text(field);
  }

  private static List<ReasonCode> unregistration(JsonNode section, Problems problems) {
    List<ReasonCode> out = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(section, "codes", NAME, "unregistration", "reason", "code", problems)) {
      EntryReader r = e.reader();
      ReasonCode c =
          new ReasonCode(
              r.integer("code"),
              r.optionalString("alarm_name"),
              r.optionalString("mib_name"),
              r.choice("nature", ReasonCode.Nature.class, ReasonCode.Nature.FAULT),
              protocol(r),
              r.text("meaning"),
              r.text("check"),
              r.optionalText("note"),
              r.strings("findings"));
      r.finish(
          Set.of(
              "code",
              "alarm_name",
              "mib_name",
              "nature",
              "protocol",
              "meaning",
              "check",
              "note",
              "findings"));
      out.add(c);
    }
    return out;
  }

  private static String protocol(EntryReader r) {
    String p = r.string("protocol");
    if (!p.isEmpty() && !Set.of("any", "sip", "sccp").contains(p)) {
      r.problem("protocol: '" + p + "' is not one of [any, sip, sccp]");
    }
    return p;
  }

  private static List<RegistrationFailure> registrationFailures(
      JsonNode section, Problems problems) {
    List<RegistrationFailure> out = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(
            section,
            "codes",
            NAME,
            "registration_failure",
            "registration failure",
            "code",
            problems)) {
      EntryReader r = e.reader();
      out.add(
          new RegistrationFailure(
              r.integer("code"),
              r.string("mib_name"),
              r.text("meaning"),
              r.text("check"),
              r.strings("findings")));
      r.finish(Set.of("code", "mib_name", "meaning", "check", "findings"));
    }
    return out;
  }

  private static List<SipStatus> sipStatuses(JsonNode section, Problems problems) {
    List<SipStatus> out = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(
            section, "codes", NAME, "sip_register_responses", "SIP response", "code", problems)) {
      EntryReader r = e.reader();
      out.add(
          new SipStatus(
              r.integer("code"),
              r.string("phrase"),
              r.choice("nature", SipStatus.Nature.class, SipStatus.Nature.FAILURE),
              r.text("meaning"),
              r.text("check"),
              r.strings("findings")));
      r.finish(Set.of("code", "phrase", "nature", "meaning", "check", "findings"));
    }
    return out;
  }
}
