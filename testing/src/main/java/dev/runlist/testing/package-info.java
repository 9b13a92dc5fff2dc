/**
 * Test support for runlist: {@link dev.runlist.testing.FakeRunsApi}, a fake of the List runs endpoint
 * that answers like the real API in memory or over loopback HTTP, with scripted
 * {@link dev.runlist.testing.Fault faults} and a journal of {@link dev.runlist.testing.RecordedRequest
 * requests}; {@link dev.runlist.testing.RunFixtures}, realistic runs from a seed;
 * and {@link dev.runlist.testing.FakeRunsApiExtension}, a fresh fake per JUnit 5 test. The suites every
 * {@link dev.runlist.spi.Transport} must pass are in runlist-transport-tck.
 */
package dev.runlist.testing;
