/**
 * Which peers the relay may talk to (RFC 8656 §9.1: a server may refuse a permission with 403 Forbidden;
 * RFC 8656 §21.1 and the special-purpose registries of RFC 6890 for the ranges). Pure address logic: strings are
 * read as IP literals only, never resolved. The UDP/TCP listeners live elsewhere.
 */
package org.xcs.relay.net;
