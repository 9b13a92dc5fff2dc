/**
 * {@link dev.runlist.testing.junit5.FakeRunsApiExtension}: a fresh {@link dev.runlist.testing.FakeRunsApi}
 * per JUnit 5 test, given as a parameter and closed afterwards.
 */
package dev.runlist.testing.junit5;
