/** The runlist command line: {@code runlist list}, {@code runlist stats} and {@code runlist serve-fake}. */
module dev.runlist.cli {
    requires dev.runlist;
    requires com.fasterxml.jackson.core;
    requires dev.runlist.testing;
    requires info.picocli;

    // picocli reads the command classes' annotations and fields reflectively.
    opens dev.runlist.cli to info.picocli;

    // --transport is checked against the transports found before anything starts.
    uses dev.runlist.spi.TransportProvider;
}
