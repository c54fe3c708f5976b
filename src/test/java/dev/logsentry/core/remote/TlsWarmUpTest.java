package dev.logsentry.core.remote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TlsWarmUpTest {

    @Test
    void theWarmUpRunsBothProtocolsAndTheRecordCryptoWithTheServersOwnContext() {
        // a pinned-client (mutual TLS) server: the warm-up client has no certificate and must
        // still get through, since the warm-up asks for none
        TlsSetup tls =
                new TlsSetup(TestReceivers.IDENTITY, Set.of("SHA256:" + "AB:".repeat(31) + "AB"));
        assertNull(tls.warmUp());
    }

    @Test
    void noWarmUpWaitsForC2WhenTheJvmStopsAtC1() {
        assertTrue(TlsWarmUp.c2(List.of("-Xmx256m")));
        assertTrue(TlsWarmUp.c2(List.of("-XX:TieredStopAtLevel=4")));
        assertFalse(TlsWarmUp.c2(List.of("-Xss2m", "-XX:TieredStopAtLevel=1")));
        assertFalse(TlsWarmUp.c2(List.of("-Xint")));
    }
}
