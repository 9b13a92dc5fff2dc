/** Implementation details of the Apache transport; not exported, may change without notice. */
package dev.runlist.transport.apache.internal;
