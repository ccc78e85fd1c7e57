/**
 * The privilege layer that lets this component be the host users' PEP service (XEP-0163): XEP-0356 privileges
 * (roster, message, presence permissions announced by the host; privileged messages out), XEP-0355 namespace
 * delegation (delegated IQs unwrapped and answered, the delegation disco#info nodes) and XEP-0115 entity
 * capabilities of the users' resources. Both wire versions the hosts speak are understood: {@code :2} (Prosody's
 * mod_privilege/mod_delegation) and {@code :1} (ejabberd 23.01); each answer goes out in the version addressed.
 */
package org.xcs.pubsub.privilege;
