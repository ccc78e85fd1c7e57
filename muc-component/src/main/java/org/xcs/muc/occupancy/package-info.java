/** Entering, presence, nick changes and exit (XEP-0045 §7.1-§7.3, §7.6, §7.14), room creation on first entry (§10.1.1), discussion history (§7.2.15) and subject on entry. */
package org.xcs.muc.occupancy;
