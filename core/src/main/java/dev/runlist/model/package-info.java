/**
 * The values the "list runs" endpoint returns: {@link dev.runlist.model.Run}, the page
 * {@link dev.runlist.model.RunListResponse}, their nested values and the unions {@link
 * dev.runlist.model.Tool}, {@link dev.runlist.model.ToolChoice} and {@link
 * dev.runlist.model.ResponseFormat}.
 *
 * <p>Every type here is immutable and thread-safe. The package is {@code @NullMarked}: accessors
 * never return null unless their type is {@link org.jspecify.annotations.Nullable @Nullable}, and then
 * their Javadoc says what null means (the API sent null, or did not send the field; for
 * {@link dev.runlist.model.Run#usage()}, that the run has not ended). Forward compatibility: a field the API adds later is kept in the
 * {@code additionalProperties()} of the object that had it, an unknown enum value is kept by an open
 * value such as {@link dev.runlist.model.RunStatus} with {@code isKnown() == false}, and an unknown
 * union variant is kept whole (for example {@link dev.runlist.model.Tool.UnknownTool}).
 */
@NullMarked
package dev.runlist.model;

import org.jspecify.annotations.NullMarked;
