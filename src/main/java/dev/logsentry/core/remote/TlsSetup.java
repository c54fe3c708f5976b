package dev.logsentry.core.remote;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The receiver's TLS: TLS 1.2 and 1.3 only (RFC 5425 as updated by RFC 9662 forbids older
 * versions), the server's identity, and, when permitted sender fingerprints are configured, mutual
 * TLS where a client certificate is accepted only if it is valid today and its fingerprint is
 * permitted (as rsyslog's {@code x509/fingerprint} mode does; no CA is involved).
 */
public final class TlsSetup {
    /** The protocols offered. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final boolean mutual;

    /**
     * @param identity the server's key and certificate
     * @param permittedClients canonical fingerprints ({@link Fingerprints#normalize}); empty for no
     *     client certificate check
     */
    public TlsSetup(ServerIdentity identity, Set<String> permittedClients) {
        this.mutual = !permittedClients.isEmpty();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "in-memory".toCharArray();
            ks.setKeyEntry(
                    "server",
                    identity.key(),
                    pw,
                    identity.chain().toArray(java.security.cert.Certificate[]::new));
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            context = SSLContext.getInstance("TLS");
            TrustManager[] tms =
                    mutual ? new TrustManager[] {new PinnedClients(permittedClients)} : null;
            context.init(kmf.getKeyManagers(), tms, null);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Whether client certificates are required. */
    public boolean mutual() {
        return mutual;
    }

    /**
     * Runs the record crypto through an in-memory connection so that the JIT compiles it before the
     * first sender arrives ({@link TlsWarmUp}). Returns a problem, or null when it worked; the
     * receiver works either way, only slower at first.
     */
    String warmUp() {
        try {
            TlsWarmUp.run(context, TlsWarmUp.MAX_RECORDS);
            return null;
        } catch (javax.net.ssl.SSLException | RuntimeException e) {
            return "the TLS warm-up failed (" + e + "); the first minutes may be slower";
        }
    }

    /** Wraps an accepted plain socket as the server side of a TLS connection. */
    SSLSocket wrap(Socket plain, java.io.InputStream consumed) throws java.io.IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, consumed, true);
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(PROTOCOLS);
        if (mutual) {
            p.setNeedClientAuth(true);
        }
        s.setSSLParameters(p);
        return s;
    }

    /** Accepts a client certificate only by its fingerprint, and only while it is valid. */
    private static final class PinnedClients extends X509ExtendedTrustManager {
        private final Set<String> permitted;

        PinnedClients(Set<String> permitted) {
            this.permitted = Set.copyOf(permitted);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the client sent no certificate");
            }
            X509Certificate leaf = chain[0];
            String fp = Fingerprints.sha256(leaf);
            try {
                leaf.checkValidity();
            } catch (CertificateExpiredException e) {
                throw new CertificateException(
                        "client certificate " + fp + " expired on " + leaf.getNotAfter(), e);
            } catch (CertificateNotYetValidException e) {
                throw new CertificateException(
                        "client certificate " + fp + " is not valid before " + leaf.getNotBefore(),
                        e);
            }
            for (String allowed : permitted) {
                if (Fingerprints.matches(leaf, allowed)) {
                    return;
                }
            }
            throw new CertificateException(
                    "client certificate " + fp + " is not among the permitted senders");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("a receiver does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            // no CA names in the request: senders offer whatever certificate they have
            return new X509Certificate[0];
        }
    }
}
