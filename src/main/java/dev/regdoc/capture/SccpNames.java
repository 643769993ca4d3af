package dev.regdoc.capture;

import java.util.Map;

/** Wireshark's names for the SCCP message ids regdoc reads or is likely to meet. */
final class SccpNames {
  static final int KEEPALIVE_REQ = 0x0000;
  static final int REGISTER_REQ = 0x0001;
  static final int ALARM = 0x0020;
  static final int UNREGISTER_REQ = 0x0027;
  static final int REGISTER_ACK = 0x0081;
  static final int REGISTER_REJECT = 0x009D;
  static final int RESET = 0x009F;
  static final int KEEPALIVE_ACK = 0x0100;
  static final int UNREGISTER_ACK = 0x0118;
  static final int ENHANCED_ALARM = 0x015A;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(KEEPALIVE_REQ, "KeepAliveReq"),
          Map.entry(REGISTER_REQ, "RegisterReq"),
          Map.entry(0x0002, "IpPort"),
          Map.entry(0x0010, "CapabilitiesRes"),
          Map.entry(0x0012, "ServerReq"),
          Map.entry(ALARM, "Alarm"),
          Map.entry(UNREGISTER_REQ, "UnregisterReq"),
          Map.entry(0x0029, "RegisterTokenReq"),
          Map.entry(REGISTER_ACK, "RegisterAck"),
          Map.entry(0x009B, "CapabilitiesReq"),
          Map.entry(REGISTER_REJECT, "RegisterReject"),
          Map.entry(0x009E, "ServerRes"),
          Map.entry(RESET, "Reset"),
          Map.entry(KEEPALIVE_ACK, "KeepAliveAck"),
          Map.entry(UNREGISTER_ACK, "UnregisterAck"),
          Map.entry(0x011A, "RegisterTokenAck"),
          Map.entry(0x011B, "RegisterTokenReject"),
          Map.entry(ENHANCED_ALARM, "EnhancedAlarm"));

  private SccpNames() {}

  static String name(int id) {
    String n = NAMES.get(id);
    return n != null ? n : String.format("0x%04X", id);
  }

  /** Header versions Wireshark accepts: basic and V10, V11, V15 to V22. */
  static boolean knownVersion(int v) {
    return v == 0 || v == 0x0A || v == 0x0B || (v >= 0x0F && v <= 0x16);
  }
}
