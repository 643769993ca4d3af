package dev.regdoc.signals;

import java.time.Instant;
import java.util.List;

/**
 * A SIP REGISTER transaction whose transmissions left as IP fragments (the datagram was larger than
 * the path MTU), with how it ended and whether the phone's small SIP requests of the same capture
 * were answered (they show the path and the CUCM carry unfragmented SIP).
 *
 * @param datagramBytes UDP payload size of the largest fragmented transmission
 * @param fragmentedAttempts transmissions seen leaving as fragments
 * @param answeredSmall the phone's SIP requests to CUCM in the same capture that were not
 *     fragmented and got CUCM's final answer: its other REGISTERs, and requests such as OPTIONS
 *     (requests CUCM sent the phone do not count)
 * @param answeredSmallFrames the first frame of each of them
 * @param missingFrom another capture (the CUCM side) that holds the phone's small requests sent
 *     before and after the REGISTER but no transmission of it: the REGISTER never got that far;
 *     null when no capture shows that
 * @param missingAround the frames of those two requests in {@code missingFrom}
 */
public record FragmentedRegister(
    String device,
    String file,
    long frame,
    Instant time,
    String server,
    long cseq,
    int attempts,
    boolean answered,
    int datagramBytes,
    int fragmentedAttempts,
    List<Long> frames,
    int answeredSmall,
    List<Long> answeredSmallFrames,
    String missingFrom,
    List<Long> missingAround)
    implements Cited {}
