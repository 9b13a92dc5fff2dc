/** Test support for runlist: the transport conformance suite (and, later, the fake API). */
module dev.runlist.testing {
    requires transitive dev.runlist;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires jdk.httpserver;

    exports dev.runlist.testing;
    // JUnit discovers and runs the suite's tests reflectively.
    opens dev.runlist.testing to org.junit.platform.commons;
}
