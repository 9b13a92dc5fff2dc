package dev.runlist.testing;

/**
 * A validated list request: the order, the page size and the cursors (null when absent).
 */
record ListQuery(boolean ascending, int limit, String after, String before) {}
