package dev.runlist.model;

import org.jspecify.annotations.Nullable;

/**
 * The {@code error} member of the API's error envelope {@code {"error": {"message", "type", "param",
 * "code"}}}. Every component is null when the API did not send it (or sent null): {@code message} is
 * human-readable, {@code type} a category such as {@code "invalid_request_error"}, {@code param} the
 * request parameter at fault, {@code code} a machine-readable code such as {@code "rate_limit_exceeded"}.
 */
public record ErrorObject(@Nullable String message, @Nullable String type, @Nullable String param, @Nullable String code) {}
