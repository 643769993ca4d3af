package dev.regdoc.timeline.event;

/**
 * The typed details of one timeline event: a record per shape, grouped in a sealed interface per
 * source (SIP, SCCP, TCP, addresses, logs, and what the timeline infers across them). The record
 * says which {@link EventKind} it is; its components, in order, are the event's {@code details} in
 * the JSON schema (null and absent values are left out).
 */
public sealed interface EventDetails
    permits SignalingEvent, TcpEvent, AddressEvent, LogEvent, InferredEvent {
  EventKind kind();
}
