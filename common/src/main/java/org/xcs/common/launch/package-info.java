/**
 * Wires one component process together: options (XEP-0114 connection, data dir) to store, core and runtime, and
 * the start-up errors to exit codes. The shared service skeleton ({@link org.xcs.common.launch.ServiceCore}) gives
 * every component XEP-0030 disco, XEP-0199 ping, XEP-0092 version and XEP-0202 time.
 */
package org.xcs.common.launch;
