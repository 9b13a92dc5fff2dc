/**
 * Test support for runlist: {@link dev.runlist.testing.TransportConformanceSuite}, the tests every
 * {@link dev.runlist.spi.Transport} must pass against a real loopback server.
 */
package dev.runlist.testing;
