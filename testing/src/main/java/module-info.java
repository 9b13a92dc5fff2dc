/**
 * Test support for runlist: the fake Runs API (in memory and over loopback HTTP), run fixtures,
 * fault injection, the JUnit 5 extension and the transport conformance suite.
 */
module dev.runlist.testing {
    requires transitive dev.runlist;
    requires com.fasterxml.jackson.core;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    // The fake's loopback HTTP server.
    requires jdk.httpserver;

    exports dev.runlist.testing;
    // JUnit discovers and runs the suite's tests reflectively.
    opens dev.runlist.testing to org.junit.platform.commons;
}
