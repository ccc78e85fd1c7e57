/**
 * Persistence of rooms (XEP-0045 §10.2 muc#roomconfig_persistentroom) behind {@link org.xcs.muc.store.RoomStore}:
 * {@link org.xcs.muc.store.StoreRoomStore} over common's Store (one compact versioned record per room, history as
 * one record per message), {@link org.xcs.muc.store.InMemoryRoomStore} for tests.
 */
package org.xcs.muc.store;
