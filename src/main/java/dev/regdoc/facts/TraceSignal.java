package dev.regdoc.facts;

import java.time.LocalDateTime;

/**
 * A registration-related SDL signal to or from a station process that the messages do not show: a
 * timer such as {@code SIPStationDPrimaryLineTimeout} (the LastSignalReceived of an unregistration
 * for a missed refresh), a reset or an unregistration. Kept for signals whose name holds Timeout,
 * KeepAlive, Reset or Unreg; the others (SIPRegisterInd, StationRegister: the message they carry is
 * kept) are only counted.
 *
 * @param signal the signal name
 * @param receiver the process that received it, e.g. {@code SIPStationD(1,100,72,15)}
 * @param sender the process that sent it
 * @param deviceName from the signal's tag ({@code ...^192.0.2.45^SEP...}); null for {@code *}
 * @param deviceIp from the tag; null for {@code *}
 * @param remote the signal crossed to or from another node or service ({@code SdlSig-I}, {@code
 *     SdlSig-O})
 */
public record TraceSignal(
    Origin origin,
    String node,
    LocalDateTime localTime,
    String signal,
    String receiver,
    String sender,
    String deviceName,
    String deviceIp,
    boolean remote)
    implements TraceRecord {}
