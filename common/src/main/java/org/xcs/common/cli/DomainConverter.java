package org.xcs.common.cli;

import org.xmpp.packet.JID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A bare XMPP domain (stringprep'd by Tinder): {@code --domain}, and any component option naming a domain. */
public final class DomainConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        JID jid;
        try {
            jid = new JID(value.trim());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a valid JID domain (" + e.getMessage() + ")");
        }
        if (value.isBlank() || jid.getNode() != null || jid.getResource() != null) {
            throw new TypeConversionException("'" + value + "' is not a bare domain: give e.g. muc.example.test,"
                    + " without user@ or /resource");
        }
        return jid.getDomain();
    }
}
