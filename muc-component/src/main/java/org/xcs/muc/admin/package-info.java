/** Moderator and admin use cases over muc#admin (XEP-0045 §8.2-§8.5, §9): kick, voice, bans, member, moderator, admin and owner lists. */
package org.xcs.muc.admin;
