package org.xcs.common.component;

import java.util.Objects;

/**
 * A reason to end the process at start-up: the launcher prints {@link #getMessage()} (one line naming the cause
 * and the fix) and exits with {@link #exitCode()}.
 */
public final class StartupFailure extends Exception {

    private final ExitCode exitCode;

    public StartupFailure(ExitCode exitCode, String message, Throwable underlying) {
        super(oneLine(message), underlying);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public StartupFailure(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The one-line message for a failed first connect; it names what to check, never the secret itself. */
    public static StartupFailure from(ConnectFailure failure, ConnectParams params) {
        String host = "host " + params.address();
        String domain = params.domain();
        return switch (failure.cause()) {
            case NOT_AUTHORIZED -> new StartupFailure(ExitCode.NOT_AUTHORIZED,
                    host + " refused the secret for " + domain + " (not-authorized): check --secret against the"
                            + " host's component_secret (Prosody) / ejabberd_service password (ejabberd)"
                            + " / the external component's shared secret (Openfire); ejabberd also answers"
                            + " not-authorized when no ejabberd_service listener on port " + params.port()
                            + " declares " + domain, failure);
            case HOST_UNKNOWN -> new StartupFailure(ExitCode.HOST_UNKNOWN,
                    host + " does not serve " + domain + " (host-unknown): check --domain, and declare it on the"
                            + " host (Prosody: Component \"" + domain + "\"; ejabberd: hosts of the ejabberd_service"
                            + " listener on port " + params.port() + ")", failure);
            case CONFLICT -> new StartupFailure(ExitCode.CONFLICT,
                    host + " already has a connection for " + domain + " (conflict): stop the other process"
                            + " serving " + domain + ", or wait until the host drops its stale session", failure);
            case CONNECTION_REFUSED -> new StartupFailure(ExitCode.HOST_UNREACHABLE,
                    host + " refused or did not accept the connection (" + detail(failure) + "): start the XMPP"
                            + " server, check --host/--port against its component port (Prosody component_ports,"
                            + " ejabberd_service port), or pass --wait-for-host", failure);
            case HANDSHAKE_TIMEOUT -> new StartupFailure(ExitCode.HANDSHAKE_TIMEOUT,
                    host + " accepted TCP but did not complete the component handshake for " + domain + " within "
                            + params.handshakeTimeout().toMillis() + " ms (handshake timeout): check that --port is"
                            + " the host's component port (XEP-0114), not its client (5222) or server (5269) port",
                    failure);
            case OTHER -> new StartupFailure(ExitCode.FAILURE,
                    "connecting to " + host + " as " + domain + " failed (" + detail(failure) + "): check --host,"
                            + " --port and the host's log", failure);
        };
    }

    private static String detail(ConnectFailure failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.cause().name().toLowerCase().replace('_', ' ') : message;
    }

    private static String oneLine(String message) {
        return Objects.requireNonNull(message, "message").replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
