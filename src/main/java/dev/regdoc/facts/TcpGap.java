package dev.regdoc.facts;

/**
 * Data that reached the capture point only after later data of the same stream, while the receiver
 * said it lacked it: a segment arrived ahead of a gap, the receiver's next acknowledgement stayed
 * at the gap's start (a duplicate ACK), then the missing bytes came, sent again. The first copy of
 * those bytes was lost on the way, before the capture point and the receiver. A gap the receiver
 * acknowledged past is the capture's own loss (the receiver had the bytes), and one filled before
 * the receiver answered is reordering; neither is recorded.
 *
 * @param origin the frame that filled the gap
 * @param aheadFrame the frame that arrived ahead of the gap
 * @param receiverQuiet seconds from the last acknowledgement of the receiver's own data (its frames
 *     got through then) to the frame ahead of the gap; -1 when the capture shows none
 */
public record TcpGap(
    Origin origin, Endpoints endpoints, long seq, int length, long aheadFrame, double receiverQuiet)
    implements Fact {}
