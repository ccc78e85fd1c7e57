package org.xcs.common.harness.sint;

import org.xcs.common.harness.EjabberdHost;

/** The ejabberd a SINT run needs: the counterpart of {@link SintProsody} for ejabberd 23.01. */
public final class SintEjabberd {
    public static final String DOMAIN = SintProsody.DOMAIN;

    private SintEjabberd() {
    }

    /**
     * SINT registers three throw-away accounts per run in-band (XEP-0077) and deletes them afterwards: mod_register
     * open to everyone (the predefined access rule {@code all}), and no throttle between registrations from one IP
     * ({@code registration_timeout: infinity}; ejabberd's default is 600 s).
     */
    public static EjabberdHost.Builder builder() {
        return EjabberdHost.builder(DOMAIN)
                .moduleConfig("""
                        mod_register:
                          access: all
                          access_remove: all
                          ip_access: all
                          password_strength: 0
                        """)
                .topLevelConfig("registration_timeout: infinity");
    }
}
