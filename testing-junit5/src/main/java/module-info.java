/** The JUnit 5 extension of runlist-testing: a fresh fake per test, closed afterwards. */
module dev.runlist.testing.junit5 {
    requires transitive dev.runlist.testing;
    requires transitive org.junit.jupiter.api;

    exports dev.runlist.testing.junit5;
}
