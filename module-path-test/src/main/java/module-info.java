/**
 * A small application on the module path, as a user's would be: it requires only {@code dev.runlist}
 * and finds the transports through {@code uses}/{@code provides}. Not published.
 */
module dev.runlist.modulepath.app {
    requires dev.runlist;

    uses dev.runlist.spi.TransportProvider;
}
