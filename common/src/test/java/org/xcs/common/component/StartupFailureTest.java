package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartupFailureTest {

    private static final ConnectParams PARAMS = new ConnectParams("127.0.0.1", 5347, "muc.example.test",
            "very-secret-value", Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void exitCodesKeepTheNumbersTheReadmePromises() {
        Map<String, Integer> codes = Arrays.stream(ExitCode.values())
                .collect(Collectors.toMap(Enum::name, ExitCode::code));
        assertEquals(Map.of("OK", 0, "FAILURE", 1, "USAGE", 2, "NOT_AUTHORIZED", 3, "HOST_UNKNOWN", 4,
                "CONFLICT", 5, "HOST_UNREACHABLE", 6, "HANDSHAKE_TIMEOUT", 7, "DATA_DIR_LOCKED", 8,
                "STORAGE", 9), codes);
    }

    @Test
    void eachConnectFailureCauseHasItsOwnExitCode() {
        Map<ConnectFailure.Cause, ExitCode> expected = Map.of(
                ConnectFailure.Cause.NOT_AUTHORIZED, ExitCode.NOT_AUTHORIZED,
                ConnectFailure.Cause.HOST_UNKNOWN, ExitCode.HOST_UNKNOWN,
                ConnectFailure.Cause.CONFLICT, ExitCode.CONFLICT,
                ConnectFailure.Cause.CONNECTION_REFUSED, ExitCode.HOST_UNREACHABLE,
                ConnectFailure.Cause.HANDSHAKE_TIMEOUT, ExitCode.HANDSHAKE_TIMEOUT,
                ConnectFailure.Cause.OTHER, ExitCode.FAILURE);
        for (ConnectFailure.Cause cause : ConnectFailure.Cause.values()) {
            StartupFailure failure = StartupFailure.from(new ConnectFailure(cause, "detail"), PARAMS);
            assertEquals(expected.get(cause), failure.exitCode(), cause.name());
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectFailure.Cause.class)
    void theMessageIsOneLineNamingHostDomainAndFixButNeverTheSecret(ConnectFailure.Cause cause) {
        String message = StartupFailure.from(new ConnectFailure(cause, "detail\nwith a second line"), PARAMS)
                .getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertTrue(message.contains("127.0.0.1:5347"), message);
        assertTrue(message.contains(": check") || message.contains(": start") || message.contains(": stop"),
                "names a fix: " + message);
        assertFalse(message.contains("very-secret-value"), message);
    }

    @Test
    void theMessagesNameTheProtocolCondition() {
        assertTrue(messageFor(ConnectFailure.Cause.NOT_AUTHORIZED).contains("(not-authorized): check --secret"));
        assertTrue(messageFor(ConnectFailure.Cause.HOST_UNKNOWN).contains("does not serve muc.example.test"
                + " (host-unknown)"));
        assertTrue(messageFor(ConnectFailure.Cause.CONFLICT).contains("(conflict)"));
        assertTrue(messageFor(ConnectFailure.Cause.CONNECTION_REFUSED).contains("--wait-for-host"));
        assertTrue(messageFor(ConnectFailure.Cause.HANDSHAKE_TIMEOUT).contains("within 10000 ms (handshake timeout)"));
    }

    @Test
    void onlyNobodyAnsweringIsCuredByWaiting() {
        for (ConnectFailure.Cause cause : ConnectFailure.Cause.values()) {
            boolean expected = cause == ConnectFailure.Cause.CONNECTION_REFUSED
                    || cause == ConnectFailure.Cause.HANDSHAKE_TIMEOUT;
            assertEquals(expected, cause.curedByWaiting(), cause.name());
        }
    }

    @Test
    void connectParamsNeverShowTheSecret() {
        assertFalse(PARAMS.toString().contains("very-secret-value"), PARAMS.toString());
        assertTrue(PARAMS.toString().contains("muc.example.test"));
    }

    private static String messageFor(ConnectFailure.Cause cause) {
        return StartupFailure.from(new ConnectFailure(cause, cause.name()), PARAMS).getMessage();
    }
}
