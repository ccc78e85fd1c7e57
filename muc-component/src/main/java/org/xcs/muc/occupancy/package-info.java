/**
 * XEP-0045 occupancy: entering a room (§7.2: checks, presence broadcast, history §7.2.13/§7.2.14, subject §7.2.15),
 * room creation and locking (§10.1.1), availability changes (§7.7), nick changes (§7.6), exit (§7.14), multi-session
 * nicks (§7.2.8), removal after errors (§11.1) and temporary room removal.
 */
package org.xcs.muc.occupancy;
