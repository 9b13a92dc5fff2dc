/**
 * Test support for runlist: the fake Runs API (in memory and over loopback HTTP), run fixtures,
 * fault injection and a journal of requests; no test framework.
 */
module dev.runlist.testing {
    requires transitive dev.runlist;
    requires com.fasterxml.jackson.core;
    // The fake's loopback HTTP server.
    requires jdk.httpserver;

    exports dev.runlist.testing;
    // The loopback HTTP server, shared with the transport test kit; not part of the API.
    exports dev.runlist.testing.internal to dev.runlist.transport.tck;
}
