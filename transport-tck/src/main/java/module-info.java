/**
 * The transport test kit: JUnit 5 suites every runlist transport extends, run against real loopback
 * servers and the fake API.
 */
module dev.runlist.transport.tck {
    requires transitive dev.runlist;
    requires transitive dev.runlist.testing;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    // The suites' loopback servers.
    requires jdk.httpserver;

    exports dev.runlist.transport.tck;
    // JUnit discovers and runs the suites' tests reflectively.
    opens dev.runlist.transport.tck to org.junit.platform.commons;
}
