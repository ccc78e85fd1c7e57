/** Persistence of rooms (XEP-0045 §10.2 persistent rooms) behind {@link org.xcs.muc.store.RoomStore}. */
package org.xcs.muc.store;
