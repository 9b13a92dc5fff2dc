package dev.runlist.cli;

import dev.runlist.RunsClient;
import picocli.CommandLine;

/** Prints runlist's version and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "runlist " + RunsClient.VERSION,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
