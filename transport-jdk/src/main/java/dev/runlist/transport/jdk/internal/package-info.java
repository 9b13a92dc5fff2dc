/** Implementation details of the JDK transport; not exported, may change without notice. */
package dev.runlist.transport.jdk.internal;
