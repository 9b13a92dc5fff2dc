/**
 * A runlist transport on Apache HttpClient 5: the classic client for blocking calls and the async
 * client for futures. Use {@link dev.runlist.transport.apache.ApacheTransport#builder()} to hand in
 * clients of your own, or let runlist find {@link dev.runlist.transport.apache.ApacheTransportProvider}
 * on the class path.
 */
package dev.runlist.transport.apache;
