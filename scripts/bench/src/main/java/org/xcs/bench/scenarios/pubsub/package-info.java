/**
 * Scenarios 5 and 6 of issue 6: XEP-0060 publish-subscribe through real hosts, the host's built-in service
 * (Prosody mod_pubsub, ejabberd mod_pubsub) against ours attached over XEP-0114 on the same host.
 */
package org.xcs.bench.scenarios.pubsub;
