/**
 * Publish-Subscribe service (XEP-0060, XEP-0248, XEP-0163). At this stage: attaches to the host and answers disco, ping, version and time.
 */
package org.xcs.pubsub;
