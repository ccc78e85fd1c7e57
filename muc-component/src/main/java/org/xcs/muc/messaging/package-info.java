/** Groupchat messages (XEP-0045 §7.4), private messages and IQs (§7.5), invitations and declines (§7.8), voice requests (§7.13, §8.6), subject changes (§8.1). */
package org.xcs.muc.messaging;
