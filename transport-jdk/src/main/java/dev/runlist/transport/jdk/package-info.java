/**
 * A runlist transport on the JDK's own {@link java.net.http.HttpClient}: no dependency beyond the
 * JDK. Use {@link dev.runlist.transport.jdk.JdkTransport#builder()} to hand in a client of your own,
 * or let runlist find {@link dev.runlist.transport.jdk.JdkTransportProvider} on the class path.
 */
package dev.runlist.transport.jdk;
