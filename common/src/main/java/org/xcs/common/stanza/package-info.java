/**
 * Thin stanza layers on Tinder: the namespaces we speak and one sub-package per extension
 * (XEP-0004 forms, XEP-0059 RSM, XEP-0082 date-times, XEP-0203 delay, XEP-0297 forwarding, XEP-0359 stanza ids).
 */
package org.xcs.common.stanza;
