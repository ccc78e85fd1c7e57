/**
 * Messages in and through rooms (XEP-0045): groupchat messages (§7.4) with XEP-0359 stanza ids and history,
 * subject changes (§8.1), private messages (§7.5) and IQs to occupants (§17.4, XEP-0410 self-ping), mediated
 * invitations and declines (§7.8.2), voice requests and their approval (§7.13, §8.6), and the removal of occupants
 * whose client bounces the room's traffic (§18.1.2 ghost users, §11.1 status 333).
 */
package org.xcs.muc.messaging;
