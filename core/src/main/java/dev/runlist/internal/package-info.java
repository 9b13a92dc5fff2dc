/** runlist's implementation: not exported, may change in any release. */
@NullMarked
package dev.runlist.internal;

import org.jspecify.annotations.NullMarked;
