/** The runlist command line: {@code runlist list} and {@code runlist serve-fake}. */
module dev.runlist.cli {
    requires dev.runlist;
    requires dev.runlist.testing;
    requires info.picocli;

    // picocli reads the command classes' annotations and fields reflectively.
    opens dev.runlist.cli to info.picocli;
}
