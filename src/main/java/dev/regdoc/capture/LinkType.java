package dev.regdoc.capture;

/** The link-layer header types regdoc decodes (pcap LINKTYPE_ numbers). */
public enum LinkType {
  NULL(0),
  ETHERNET(1),
  RAW(101),
  RAW_OLD_12(12),
  RAW_OLD_14(14),
  LINUX_SLL(113),
  IPV4(228),
  IPV6(229),
  LINUX_SLL2(276);

  final int code;

  LinkType(int code) {
    this.code = code;
  }

  /** The supported type for a pcap link type number, or null. */
  public static LinkType of(int code) {
    for (LinkType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  public static String describe(int code) {
    LinkType t = of(code);
    return t != null ? t.name() + " (" + code + ")" : "link type " + code;
  }
}
