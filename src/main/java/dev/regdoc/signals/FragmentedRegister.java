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
 * @param answeredSmall answered SIP requests in the phone's dialogues of the same capture that were
 *     not fragmented: its other REGISTERs, and requests such as OPTIONS (the timeline does not keep
 *     which side sent those, so either way counts: the CUCM is alive and small datagrams pass)
 * @param answeredSmallFrames the first frame of each of them
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
    List<Long> answeredSmallFrames)
    implements Cited {}
