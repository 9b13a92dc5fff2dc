/**
 * The exceptions runlist throws. All are unchecked and extend {@link dev.runlist.errors.RunlistException}:
 * {@link dev.runlist.errors.ApiException} and its subclasses for error statuses from the API,
 * {@link dev.runlist.errors.ConnectionException} and {@link dev.runlist.errors.RunlistTimeoutException}
 * for failures to reach it, {@link dev.runlist.errors.DecodeException} for bodies that cannot be
 * read, and {@link dev.runlist.errors.PaginationException} for listings that cannot go on safely.
 * No message or {@code toString()} ever contains the API key.
 */
@NullMarked
package dev.runlist.errors;

import org.jspecify.annotations.NullMarked;
