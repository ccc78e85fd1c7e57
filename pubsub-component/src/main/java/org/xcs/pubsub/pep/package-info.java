/**
 * Personal Eventing Protocol (XEP-0163): every user's bare JID is a virtual pubsub service, served by this component
 * for the host through XEP-0355 delegation and XEP-0356 privileges. The seams here join the PEP core (per-owner
 * services over the PubSub core) to the privilege layer (rosters, presences and entity capabilities of the host's
 * users, delegated IQs in and privileged messages out).
 */
package org.xcs.pubsub.pep;
