/**
 * Token authentication: a {@link dev.runlist.auth.TokenSupplier} hands the client short-lived
 * {@link dev.runlist.auth.BearerToken}s (Microsoft Entra ID tokens for Azure OpenAI, or OAuth2
 * access tokens from any provider), which the client caches until shortly before they expire.
 * Install one with {@link dev.runlist.RunsClient.Builder#bearerToken(TokenSupplier)}.
 */
@NullMarked
package dev.runlist.auth;

import org.jspecify.annotations.NullMarked;
