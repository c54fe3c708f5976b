package dev.logsentry.core.remote;

import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The receiver's TLS identity: a private key and its certificate chain. It comes from the
 * administrator's PEM files or PKCS#12 store, or is generated on first start the way the seed made
 * one with {@code openssl req -new -x509 -nodes}, but without openssl by hand: an EC P-256 key
 * (mode 0600) and a self-signed certificate naming this host in its subjectAltName, kept in the
 * state directory and reused on every later start, so the fingerprint that senders pin stays the
 * same.
 *
 * @param key the private key
 * @param chain the certificate first, then any intermediates
 * @param generated whether this start generated it (first start)
 */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain, boolean generated) {
    /** File names of a generated identity inside its directory. */
    public static final String KEY_FILE = "server-key.pem";

    public static final String CERT_FILE = "server-cert.pem";

    /** Validity of a generated certificate: pinned fingerprints must not expire under senders. */
    public static final Duration GENERATED_VALIDITY = Duration.ofDays(3650);

    public ServerIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The identity in {@code dir} ({@value #KEY_FILE}, {@value #CERT_FILE}), generated for {@code
     * hostNames} when neither file exists. One file without the other is refused rather than
     * overwritten: a key that senders trust is never replaced silently.
     */
    public static ServerIdentity loadOrGenerate(Path dir, List<String> hostNames)
            throws IOException {
        Path key = dir.resolve(KEY_FILE);
        Path cert = dir.resolve(CERT_FILE);
        boolean hasKey = Files.exists(key);
        boolean hasCert = Files.exists(cert);
        if (hasKey && hasCert) {
            SafeFiles.checkPrivateFile(key);
            return fromPem(cert, key);
        }
        if (hasKey || hasCert) {
            throw new IOException(
                    (hasKey ? cert : key)
                            + " is missing but "
                            + (hasKey ? key : cert)
                            + " exists; restore it or remove both to generate a new certificate");
        }
        SafeFiles.ensureDirectory(dir);
        ServerIdentity id = generate(hostNames, Instant.now());
        SafeFiles.writeAtomically(key, out -> writeKeyPem(out, id));
        SafeFiles.writeAtomically(cert, out -> writePem(out, id.certificate()));
        return id;
    }

    /** A new key pair and a self-signed certificate for {@code hostNames} (the first is the CN). */
    public static ServerIdentity generate(List<String> hostNames, Instant now) throws IOException {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("no host name for the certificate");
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X500Name name = new X500Name("CN=" + cnSafe(hostNames.get(0)) + ",O=LogSentry");
            BigInteger serial = new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
            Instant from = now.minus(Duration.ofHours(1));
            JcaX509v3CertificateBuilder b =
                    new JcaX509v3CertificateBuilder(
                            name,
                            serial,
                            Date.from(from),
                            Date.from(now.plus(GENERATED_VALIDITY)),
                            name,
                            pair.getPublic());
            List<GeneralName> sans = new ArrayList<>();
            for (String h : hostNames) {
                if (!sans.contains(new GeneralName(GeneralName.dNSName, h))) {
                    sans.add(new GeneralName(GeneralName.dNSName, h));
                }
            }
            b.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(sans.toArray(GeneralName[]::new)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            b.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(
                            new KeyPurposeId[] {
                                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                            }));
            X509CertificateHolder holder =
                    b.build(
                            new JcaContentSignerBuilder("SHA256withECDSA")
                                    .build(pair.getPrivate()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            return new ServerIdentity(pair.getPrivate(), List.of(cert), true);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate a certificate: " + e.getMessage(), e);
        }
    }

    /** An identity from PEM files: the certificate (chain) and an unencrypted private key. */
    public static ServerIdentity fromPem(Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(certFile, StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    chain.add(conv.getCertificate(h));
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(certFile + ": not a PEM certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(certFile + ": no PEM certificate (BEGIN CERTIFICATE) found");
        }
        PrivateKey key = readPemKey(keyFile);
        return checked(new ServerIdentity(key, chain, false), keyFile);
    }

    /** An identity from a PKCS#12 store: its first key entry. */
    public static ServerIdentity fromPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try {
                ks.load(in, password);
            } catch (IOException e) {
                throw new IOException(
                        file
                                + ": cannot open the PKCS#12 store (wrong password?): "
                                + e.getMessage(),
                        e);
            }
            for (Enumeration<String> e = ks.aliases(); e.hasMoreElements(); ) {
                String alias = e.nextElement();
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return checked(new ServerIdentity(key, chain, false), file);
                }
            }
            throw new IOException(file + ": the PKCS#12 store holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    file + ": cannot read the PKCS#12 store (wrong password?): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Writes the private key as PEM. An EC key is written as openssl does, "EC PRIVATE KEY" (SEC 1)
     * with its curve and public key: GnuTLS 3.7 (rsyslog's gtls driver) reads neither the PKCS#8
     * form BouncyCastle writes ("ASN1 parser: Element was not found") nor a SEC 1 key without them.
     */
    static void writeKeyPem(java.io.OutputStream out, ServerIdentity id) throws IOException {
        if (id.key() instanceof java.security.interfaces.ECPrivateKey ec) {
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                            id.certificate().getPublicKey().getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
                    new org.bouncycastle.asn1.sec.ECPrivateKey(
                            ec.getParams().getOrder().bitLength(),
                            ec.getS(),
                            spki.getPublicKeyData(),
                            spki.getAlgorithm().getParameters());
            writePem(
                    out,
                    new org.bouncycastle.util.io.pem.PemObject(
                            "EC PRIVATE KEY", sec1.getEncoded()));
        } else {
            writePem(out, id.key());
        }
    }

    /** Writes one object (a certificate, a PEM object) as PEM. */
    static void writePem(java.io.OutputStream out, Object o) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w);
        if (o instanceof org.bouncycastle.util.io.pem.PemObject po) {
            pem.writeObject(po);
        } else {
            pem.writeObject(o);
        }
        pem.flush();
    }

    private static PrivateKey readPemKey(Path keyFile) throws IOException {
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PEMKeyPair kp) {
                    return conv.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                    return conv.getPrivateKey(info);
                }
                if (o instanceof org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo
                        || o instanceof org.bouncycastle.openssl.PEMEncryptedKeyPair) {
                    throw new IOException(
                            keyFile
                                    + ": the private key is encrypted; give an unencrypted key"
                                    + " (mode 0600) or a PKCS#12 store with its password");
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(keyFile + ": not a PEM private key: " + e.getMessage(), e);
        }
        throw new IOException(keyFile + ": no PEM private key (BEGIN PRIVATE KEY) found");
    }

    private static ServerIdentity checked(ServerIdentity id, Path file) throws IOException {
        // A key that does not belong to the certificate fails every handshake: say so at start.
        try {
            String algo = id.key().getAlgorithm();
            String sigAlgo = "EC".equals(algo) ? "SHA256withECDSA" : "SHA256with" + algo;
            java.security.Signature s = java.security.Signature.getInstance(sigAlgo);
            s.initSign(id.key());
            byte[] probe = "logsentry".getBytes(StandardCharsets.US_ASCII);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(id.certificate().getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IOException(file + ": the private key does not match the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    file + ": the private key does not match the certificate: " + e.getMessage(),
                    e);
        }
        return id;
    }

    private static String cnSafe(String host) {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
