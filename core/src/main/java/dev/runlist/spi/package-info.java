/**
 * The transport service-provider interface: the few types an HTTP stack implements so that runlist
 * can send its requests through it.
 *
 * <p>A transport moves bytes and nothing else. Authentication, retries, JSON, redirects policy and
 * error mapping all live in the core; a transport turns off its stack's own retries, redirects and
 * automatic decompression so that behaviour never depends on which stack is chosen.
 */
@NullMarked
package dev.runlist.spi;

import org.jspecify.annotations.NullMarked;
