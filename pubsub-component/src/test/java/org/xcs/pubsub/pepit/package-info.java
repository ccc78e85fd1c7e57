/**
 * PEP (XEP-0163) through real Prosody and ejabberd: the hosts' XEP-0355 delegation and XEP-0356 privilege grants as
 * our scripts configure them, Smack clients using avatars (XEP-0084), OMEMO device lists, bookmarks (XEP-0402),
 * +notify filtering (XEP-0115), the access models of XEP-0060 §4.5, restarts, and SINT's XEP-0080/0107/0118 tests.
 * The host configuration comes from {@code scripts/xcs-pep-config}, so the printed snippets are what is tested.
 */
package org.xcs.pubsub.pepit;
