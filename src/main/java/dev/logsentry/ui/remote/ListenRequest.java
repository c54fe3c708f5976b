package dev.logsentry.ui.remote;

import java.nio.file.Path;

/**
 * What File › Listen for Remote Hosts asks: receive here, or follow a running service's spool.
 *
 * @param receive true to run the receiver in the workbench, false to follow {@code spool} of a
 *     running {@code logsentry serve}
 * @param address address to listen on
 * @param port TCP port (0 picks a free one)
 * @param spool the spool folder (written by the receiver, or the service's to follow)
 * @param certificate a PEM certificate or a PKCS#12 store (.p12, .pfx), or null for the self-signed
 *     one generated (once) as {@code logsentry serve} generates it
 * @param key the PEM key for a PEM certificate, else null
 * @param password the PKCS#12 store's password (empty when it has none); ignored for PEM
 * @param alertViolations whether security violations raise notifications too (attacks always do)
 */
public record ListenRequest(
        boolean receive,
        String address,
        int port,
        Path spool,
        Path certificate,
        Path key,
        char[] password,
        boolean alertViolations) {

    /** What a request shows of itself: never the password. */
    @Override
    public String toString() {
        return "ListenRequest[receive="
                + receive
                + ", "
                + address
                + ":"
                + port
                + ", spool="
                + spool
                + ", certificate="
                + certificate
                + "]";
    }

    /** Whether {@code name} names a PKCS#12 store (.p12, .pfx), which has a password. */
    public static boolean isPkcs12(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".p12") || n.endsWith(".pfx");
    }

    /** Whether {@code certificate} names a PKCS#12 store (by its extension). */
    public boolean pkcs12() {
        return certificate != null && isPkcs12(certificate.getFileName().toString());
    }
}
