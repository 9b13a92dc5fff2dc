/**
 * The JSON codec for the "list runs" endpoint: {@link dev.runlist.json.RunsJson} reads a page or a
 * run straight from a stream, writes them back as the API does, and reads the API's error envelope.
 *
 * <p>Built on jackson-core's streaming parser only; no Jackson type appears in this package's public
 * signatures.
 */
@NullMarked
package dev.runlist.json;

import org.jspecify.annotations.NullMarked;
