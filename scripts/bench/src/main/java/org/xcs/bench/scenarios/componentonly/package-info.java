/**
 * Scenario 7 of issue 6: what our components cost apart from any host. A stand-in host speaking the server side of
 * XEP-0114 feeds stanzas straight to the MUC (groupchat, XEP-0045 §7.4) and PubSub (publish, XEP-0060 §7.1)
 * components and counts what comes back, with the component's CPU from /proc.
 */
package org.xcs.bench.scenarios.componentonly;
