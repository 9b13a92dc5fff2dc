/**
 * Not part of runlist-testing's API: the loopback HTTP server shared by the fake and the transport test
 * kit, exported to {@code dev.runlist.transport.tck} only.
 */
package dev.runlist.testing.internal;
