/**
 * XEP-0030 Service Discovery with XEP-0128 extended info: a registry the service's features contribute identities,
 * features and form fields to, providers answering for other entities (rooms, nodes) and for items, and the two
 * IQ handlers. XEP-0059 paging applies to disco#items when the request carries a {@code <set/>}.
 */
package org.xcs.common.disco;
