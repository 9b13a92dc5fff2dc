/**
 * Test support for runlist: {@link dev.runlist.testing.FakeRunsApi}, a fake of the List runs endpoint
 * that answers like the real API in memory or over loopback HTTP, with scripted
 * {@link dev.runlist.testing.Fault faults} and a journal of {@link dev.runlist.testing.RecordedRequest
 * requests}; and {@link dev.runlist.testing.RunFixtures}, realistic runs from a seed.
 * It depends on no test framework: the JUnit 5 extension giving each test a fresh fake is in
 * runlist-testing-junit5, and the suites every {@link dev.runlist.spi.Transport} must pass are in
 * runlist-transport-tck.
 */
package dev.runlist.testing;
