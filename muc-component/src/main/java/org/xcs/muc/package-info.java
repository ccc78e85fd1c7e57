/**
 * Multi-User Chat service (XEP-0045). At this stage: attaches to the host and answers disco, ping, version and time.
 */
package org.xcs.muc;
