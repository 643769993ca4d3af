package dev.regdoc.facts;

/**
 * The first IP fragment of a UDP datagram on a SIP port: the datagram was larger than the path's
 * MTU. Later fragments carry no UDP header; a firewall that drops or cannot reassemble fragments
 * loses the whole datagram while small ones pass.
 *
 * @param datagramBytes UDP payload size of the whole datagram, from the UDP header
 * @param firstFragmentBytes UDP payload bytes the first fragment carries
 */
public record IpFragment(
    Origin origin, Endpoints endpoints, int datagramBytes, int firstFragmentBytes)
    implements Fact {}
