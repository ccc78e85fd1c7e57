/** XEP-0082 XMPP Date and Time Profiles: the DateTime and TZD formats used by XEP-0203 delay and XEP-0202 time. */
package org.xcs.common.stanza.datetime;
