/**
 * The transport test kit: JUnit 5 suites that a {@link dev.runlist.spi.Transport} passes by extending
 * them in a few lines, each against real loopback servers — {@link
 * dev.runlist.transport.tck.TransportConformanceSuite} and {@link
 * dev.runlist.transport.tck.ExchangeAbortSuite} on the transport alone; {@link
 * dev.runlist.transport.tck.CallLifecycleSuite}, {@link
 * dev.runlist.transport.tck.DecodeFailureSuite}, {@link
 * dev.runlist.transport.tck.FaultTolerantListingSuite}, {@link
 * dev.runlist.transport.tck.SharedClientSuite}, {@link
 * dev.runlist.transport.tck.TransportSecuritySuite} and {@link
 * dev.runlist.transport.tck.AzureClientSuite} on the real client over it against the fake API.
 */
package dev.runlist.transport.tck;
