/** Service and room discovery (XEP-0045 §6, XEP-0030, XEP-0128 muc#roominfo), unique room names (§10.1.4), room registration and reserved nicks (§7.10, §7.12). */
package org.xcs.muc.discovery;
