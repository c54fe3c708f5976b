package dev.logsentry.core.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Certificate fingerprints in the forms administrators paste: rsyslog's {@code SHA256:AB:CD:...}
 * (StreamDriverPermittedPeers) and RFC 5425's {@code sha-1:AB:CD:...} (section 4.2.2, the hash name
 * from the IANA registry, lower case). Parsing accepts either form, any case, with or without
 * colons, so a fingerprint copied from {@code openssl x509 -fingerprint} works too.
 */
public final class Fingerprints {
    private Fingerprints() {}

    /** {@code SHA256:AA:BB:...} of the DER encoding. */
    public static String sha256(X509Certificate cert) {
        return "SHA256:" + hex(digest("SHA-256", der(cert)));
    }

    /** {@code SHA1:AA:BB:...} of the DER encoding, as rsyslog writes it. */
    public static String sha1(X509Certificate cert) {
        return "SHA1:" + hex(digest("SHA-1", der(cert)));
    }

    /** RFC 5425's form: {@code sha-1:AA:BB:...}. */
    public static String rfc5425(X509Certificate cert) {
        return "sha-1:" + hex(digest("SHA-1", der(cert)));
    }

    /**
     * A fingerprint in canonical form ({@code SHA256:AA:...} or {@code SHA1:AA:...}), from any of
     * the accepted spellings; the algorithm is told by the length when no prefix is given.
     *
     * @throws IllegalArgumentException when it is not a SHA-1 or SHA-256 fingerprint
     */
    public static String normalize(String text) {
        String t = text.strip();
        String algo = null;
        int colon = t.indexOf(':');
        if (colon > 0 && colon <= 7 && !t.substring(0, colon).matches("[0-9A-Fa-f]{2}")) {
            algo = t.substring(0, colon).toUpperCase(Locale.ROOT).replace("-", "");
            t = t.substring(colon + 1);
        }
        String hex = t.replace(":", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]+")) {
            throw new IllegalArgumentException("not a certificate fingerprint: " + text);
        }
        if (algo == null) {
            algo = hex.length() == 64 ? "SHA256" : hex.length() == 40 ? "SHA1" : "?";
        }
        int want =
                switch (algo) {
                    case "SHA256" -> 64;
                    case "SHA1" -> 40;
                    default -> -1;
                };
        if (want != hex.length()) {
            throw new IllegalArgumentException(
                    "not a SHA-1 or SHA-256 certificate fingerprint: " + text);
        }
        StringBuilder b = new StringBuilder(algo).append(':');
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** Whether {@code cert} has the canonical fingerprint {@code canonical}. */
    public static boolean matches(X509Certificate cert, String canonical) {
        return canonical.startsWith("SHA256:")
                ? canonical.equals(sha256(cert))
                : canonical.equals(sha1(cert));
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e, e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from this Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 15, 16)));
            b.append(Character.toUpperCase(Character.forDigit(bytes[i] & 15, 16)));
        }
        return b.toString();
    }
}
