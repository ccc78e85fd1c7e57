/** Owner use cases over muc#owner (XEP-0045 §10): instant and reserved rooms, the muc#roomconfig form, destroying a room. */
package org.xcs.muc.owner;
