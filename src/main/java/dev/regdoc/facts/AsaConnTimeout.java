package dev.regdoc.facts;

/**
 * An ASA connection idle timeout: the global "timeout conn h:mm:ss", or "set connection timeout
 * idle h:mm:ss" for one class of a policy-map (which overrides the global one for that traffic). A
 * TCP connection idle for longer is removed; its next packet is dropped as "no connection".
 *
 * @param seconds the timeout; 0 means never (ASA "0:00:00")
 * @param policyClass null for the global timeout, else "policy-map/class"
 */
public record AsaConnTimeout(Origin origin, String host, int seconds, String policyClass)
    implements Fact {}
