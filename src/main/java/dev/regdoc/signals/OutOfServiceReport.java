package dev.regdoc.signals;

import dev.regdoc.facts.Protocol;
import java.time.Instant;

/**
 * What the phone itself says about why it lost its last registration: SCCP's
 * LastOutOfServiceInformation alarm (ReasonForOutOfService) or the SIP "Reason: ... cisco-alarm:N
 * ... Last=..." header of its first REGISTER after a restart.
 *
 * @param reasonCode ReasonForOutOfService or the cisco-alarm number, -1 when absent
 * @param last the phone's own word for it, e.g. "cm-closed-tcp", or the last protocol events
 */
public record OutOfServiceReport(
    String device,
    Protocol protocol,
    int reasonCode,
    String last,
    String file,
    long frame,
    Instant time)
    implements Cited {}
