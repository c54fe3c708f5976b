package dev.logsentry.core.dnscache;

/**
 * DNS resource record types: the IANA "Resource Record (RR) TYPEs" registry (as of 2025) mapped to
 * mnemonics. dnscache logs types as decimal numbers; unknown numbers are shown as {@code TYPEnnn}
 * (RFC 3597) and the number is always kept by the callers.
 */
public final class DnsTypes {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int HINFO = 13;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int AXFR = 252;
    public static final int ANY = 255;
    public static final int CAA = 257;

    private static final String[] LOW = new String[270];

    static {
        String table =
                "1 A 2 NS 3 MD 4 MF 5 CNAME 6 SOA 7 MB 8 MG 9 MR 10 NULL 11 WKS 12 PTR 13 HINFO"
                        + " 14 MINFO 15 MX 16 TXT 17 RP 18 AFSDB 19 X25 20 ISDN 21 RT 22 NSAP"
                        + " 23 NSAP-PTR 24 SIG 25 KEY 26 PX 27 GPOS 28 AAAA 29 LOC 30 NXT 31 EID"
                        + " 32 NIMLOC 33 SRV 34 ATMA 35 NAPTR 36 KX 37 CERT 38 A6 39 DNAME 40 SINK"
                        + " 41 OPT 42 APL 43 DS 44 SSHFP 45 IPSECKEY 46 RRSIG 47 NSEC 48 DNSKEY"
                        + " 49 DHCID 50 NSEC3 51 NSEC3PARAM 52 TLSA 53 SMIMEA 55 HIP 56 NINFO"
                        + " 57 RKEY 58 TALINK 59 CDS 60 CDNSKEY 61 OPENPGPKEY 62 CSYNC 63 ZONEMD"
                        + " 64 SVCB 65 HTTPS 66 DSYNC 67 HHIT 68 BRID 99 SPF 100 UINFO 101 UID"
                        + " 102 GID 103 UNSPEC 104 NID 105 L32 106 L64 107 LP 108 EUI48 109 EUI64"
                        + " 128 NXNAME 249 TKEY 250 TSIG 251 IXFR 252 AXFR 253 MAILB 254 MAILA"
                        + " 255 ANY 256 URI 257 CAA 258 AVC 259 DOA 260 AMTRELAY 261 RESINFO"
                        + " 262 WALLET 263 CLA 264 IPN";
        String[] parts = table.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            LOW[Integer.parseInt(parts[i])] = parts[i + 1];
        }
    }

    private DnsTypes() {}

    /**
     * The mnemonic of a type number: {@code A}, {@code MX}, ... ({@code ANY} for 255, which IANA
     * writes as {@code *}); {@code TYPE65280} for numbers without one.
     */
    public static String mnemonic(int type) {
        if (type >= 0 && type < LOW.length && LOW[type] != null) {
            return LOW[type];
        }
        if (type == 32768) {
            return "TA";
        }
        if (type == 32769) {
            return "DLV";
        }
        return "TYPE" + type;
    }

    /** True when the number has a registered mnemonic. */
    public static boolean isKnown(int type) {
        return !mnemonic(type).startsWith("TYPE");
    }

    /** The number for a mnemonic or {@code TYPEnnn} (case-insensitive), or -1. */
    public static int number(String mnemonic) {
        String m = mnemonic.toUpperCase(java.util.Locale.ROOT);
        if (m.equals("*")) {
            return ANY;
        }
        for (int i = 0; i < LOW.length; i++) {
            if (m.equals(LOW[i])) {
                return i;
            }
        }
        if (m.equals("TA")) {
            return 32768;
        }
        if (m.equals("DLV")) {
            return 32769;
        }
        if (m.startsWith("TYPE")) {
            try {
                return Integer.parseInt(m.substring(4));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
