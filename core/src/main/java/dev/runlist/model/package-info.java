/**
 * The values the "list runs" endpoint returns: {@link dev.runlist.model.Run}, the page
 * {@link dev.runlist.model.RunListResponse}, their nested values and the unions {@link
 * dev.runlist.model.Tool}, {@link dev.runlist.model.ToolChoice} and {@link
 * dev.runlist.model.ResponseFormat}.
 *
 * <p>Every type here is immutable and thread-safe. Accessors return non-null values unless their
 * Javadoc says "or null when …". Forward compatibility: a field the API adds later is kept in the
 * {@code additionalProperties()} of the object that had it, an unknown enum value is kept by an open
 * value such as {@link dev.runlist.model.RunStatus} with {@code isKnown() == false}, and an unknown
 * union variant is kept whole (for example {@link dev.runlist.model.Tool.UnknownTool}).
 */
package dev.runlist.model;
