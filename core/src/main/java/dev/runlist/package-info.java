/**
 * The runs client: {@link dev.runlist.RunsClient} and its builder, the parameters of a listing
 * ({@link dev.runlist.ListRunsParams}), a page ({@link dev.runlist.RunPage}), auto-paging listings
 * ({@link dev.runlist.RunListing}, {@link dev.runlist.RunPager}).
 *
 * <p>Nullness, for every runlist package: each is {@code @NullMarked}, so a type without
 * {@link org.jspecify.annotations.Nullable @Nullable} is never null, as a parameter or as a result.
 * Values decoded from the API ({@code dev.runlist.model}, {@link dev.runlist.errors.ApiError}) mark
 * the fields the server may leave out or send as null {@code @Nullable}, and say what null means in
 * their Javadoc; the client's own types ({@link dev.runlist.RunPage}, {@link dev.runlist.ListRunsParams},
 * {@link dev.runlist.RunPager}) answer "maybe absent" with {@link java.util.Optional} instead.
 */
@NullMarked
package dev.runlist;

import org.jspecify.annotations.NullMarked;
