/**
 * The room model of XEP-0045 (§4 terms, §5 roles and affiliations, §10.2 configuration), without XML:
 * state plus the rules that depend only on it.
 */
package org.xcs.muc.room;
