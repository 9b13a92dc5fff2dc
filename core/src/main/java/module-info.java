/**
 * runlist core: the runs client, the model, the JSON codec, errors and the transport SPI.
 * Transports are found with {@link java.util.ServiceLoader} through {@link
 * dev.runlist.spi.TransportProvider}.
 */
module dev.runlist {
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.runlist;
    exports dev.runlist.auth;
    exports dev.runlist.model;
    exports dev.runlist.json;
    exports dev.runlist.spi;
    exports dev.runlist.errors;

    uses dev.runlist.spi.TransportProvider;
}
