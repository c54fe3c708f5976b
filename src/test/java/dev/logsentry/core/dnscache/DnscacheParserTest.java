package dev.logsentry.core.dnscache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheEntry.*;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every entry type, decoded from lines the real dnscache wrote into the fixtures. */
class DnscacheParserTest {
    private static List<String> fixtureLines;
    private final DnscacheParser parser = new DnscacheParser("test.log");

    @BeforeAll
    static void load() throws IOException {
        fixtureLines = Fixtures.allLines();
    }

    /** Parses a line after checking that the real dnscache wrote it. */
    private DnscacheEntry real(String line) {
        assertThat(fixtureLines).contains(line);
        return parser.parse(line, 7);
    }

    @Test
    void startingWithItsTai64nLabel() {
        DnscacheEntry e = real("@400000006b0691c41e781a2c starting");
        assertThat(e).isInstanceOf(Starting.class);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(0x6b0691c4L - 10, 0x1e781a2cL));
    }

    @Test
    void queryDecodesClientPortIdTypeAndName() {
        Query q =
                (Query)
                        real(
                                "@400000006b0691c5020ed524 query 1 7f000001:a647:6a4d 1 www.alpha.test.");
        assertThat(q.serial()).isEqualTo(1);
        assertThat(q.client()).isEqualTo("127.0.0.1");
        assertThat(q.port()).isEqualTo(0xa647);
        assertThat(q.id()).isEqualTo(0x6a4d);
        assertThat(q.type()).isEqualTo(DnsTypes.A);
        assertThat(q.name()).isEqualTo("www.alpha.test.");
    }

    @Test
    void queryForTheRootAndForUnprintableNames() {
        assertThat(
                        ((Query) real("@400000006b0691c53a26aa54 query 21 7f000001:c90e:1a6c 2 ."))
                                .name())
                .isEqualTo(".");
        assertThat(((Query) real("query 15 7f000001:e42b:2a4e 1 ??x.alpha.test.")).name())
                .isEqualTo("??x.alpha.test.");
    }

    @Test
    void sentDropAndTcpLines() {
        Sent s = (Sent) real("@400000006b0691c502c8a774 sent 1 101");
        assertThat(s.serial()).isEqualTo(1);
        assertThat(s.length()).isEqualTo(101);
        Drop d = (Drop) real("@400000006b0691dc067cba7c drop 1 timed out");
        assertThat(d.reason()).isEqualTo("timed out");
        TcpOpen o = (TcpOpen) real("@400000006b0691c51653cc24 tcpopen 7f000001:88d7");
        assertThat(o.client()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(0x88d7);
        TcpClose c =
                (TcpClose) real("@400000006b0691c51656e51c tcpclose 7f000001:88d7 broken pipe");
        assertThat(c.port()).isEqualTo(0x88d7);
        assertThat(c.reason()).isEqualTo("broken pipe");
    }

    @Test
    void txWithGluelessnessControlAndServers() {
        Tx t = (Tx) real("@400000006b0691c6103c845c tx 2 1 ns.h2b.test. . 7f350001");
        assertThat(t.gluelessness()).isEqualTo(2);
        assertThat(t.type()).isEqualTo(1);
        assertThat(t.name()).isEqualTo("ns.h2b.test.");
        assertThat(t.control()).isEqualTo(".");
        assertThat(t.servers()).containsExactly("127.53.0.1");
    }

    @Test
    void mergeFromDebiansMergeQueriesPatch() {
        Merge m = (Merge) real("merge 7f350001 1 www.slow.test.");
        assertThat(m.time()).isNull();
        assertThat(m.server()).isEqualTo("127.53.0.1");
        assertThat(m.type()).isEqualTo(1);
        assertThat(m.name()).isEqualTo("www.slow.test.");
    }

    @Test
    void theFourCachedForms() {
        Cached c = (Cached) real("@400000006b0691c50212b554 cached 1 ns.nic.test.");
        assertThat(c.type()).isEqualTo(1);
        assertThat(c.name()).isEqualTo("ns.nic.test.");
        CachedCname cn =
                (CachedCname)
                        real(
                                "@400000006b0691c504c415cc cached cname www.alpha.test. web.beta.other.");
        assertThat(cn.cname()).isEqualTo("web.beta.other.");
        CachedNs ns = (CachedNs) real("@400000006b0691c502c35bfc cached ns test. ns.nic.test.");
        assertThat(ns.control()).isEqualTo("test.");
        assertThat(ns.server()).isEqualTo("ns.nic.test.");
        CachedNxdomain nx =
                (CachedNxdomain) real("@400000006b0691c528e72f0c cached nxdomain nope.alpha.test.");
        assertThat(nx.name()).isEqualTo("nope.alpha.test.");
    }

    @Test
    void negativeAnswersLameAndServfail() {
        Nodata nd =
                (Nodata) real("@400000006b0691c52ccb0c74 nodata 7f350101 2560 15 host.gamma.test.");
        assertThat(nd.server()).isEqualTo("127.53.1.1");
        assertThat(nd.ttl()).isEqualTo(2560);
        assertThat(nd.type()).isEqualTo(DnsTypes.MX);
        Nxdomain nx =
                (Nxdomain)
                        real("@400000006b0691c5261b7864 nxdomain 7f350101 2560 nope.alpha.test.");
        assertThat(nx.name()).isEqualTo("nope.alpha.test.");
        Lame l = (Lame) real("@400000006b0691c615ecccf4 lame 7f350109 lame.test. lame.test.");
        assertThat(l.server()).isEqualTo("127.53.1.9");
        assertThat(l.control()).isEqualTo("lame.test.");
        assertThat(l.referral()).isEqualTo("lame.test.");
        Servfail s =
                (Servfail)
                        real(
                                "@400000006b0691d11d3a7d94 servfail www.dead.test. input/output error");
        assertThat(s.name()).isEqualTo("www.dead.test.");
        assertThat(s.reason()).isEqualTo("input/output error");
    }

    @Test
    void statsCounters() {
        Stats s = (Stats) real("@400000006b0691c502128e44 stats 1 84 1 0");
        assertThat(s.queries()).isEqualTo(1);
        assertThat(s.cacheMotion()).isEqualTo(84);
        assertThat(s.udpActive()).isEqualTo(1);
        assertThat(s.tcpActive()).isZero();
    }

    @Test
    void rrWithKnownTypesDecoded() {
        Rr aaaa =
                (Rr)
                        real(
                                "@400000006b0691c5193f1ca4 rr 7f350101 86400 28 v6.alpha.test. 20010db8000000000000000000000001");
        assertThat(aaaa.decoded()).isEqualTo("2001:db8::1");
        Rr txt =
                (Rr)
                        real(
                                "@400000006b0691c511d92144 rr 7f350101 86400 16 txt.alpha.test. 0b68656c6c6f20776f726c64");
        assertThat(txt.decoded()).isEqualTo("\"hello world\"");
        Rr srv =
                (Rr)
                        real(
                                "@400000006b0691c51c58acfc rr 7f350101 86400 33 _sip._tcp.alpha.test. 000a000513c40373697005616c706861047465737400");
        assertThat(srv.decoded()).isEqualTo("10 5 5060 sip.alpha.test.");
        Rr priv =
                (Rr)
                        real(
                                "@400000006b0691c51fac21a4 rr 7f350101 86400 65280 priv.alpha.test. 010203ff");
        assertThat(priv.decoded()).isNull();
        assertThat(priv.hex()).isEqualTo("010203ff");
        assertThat(DnsTypes.mnemonic(priv.type())).isEqualTo("TYPE65280");
    }

    @Test
    void rrDataCutAfter32BytesIsMarkedTruncated() {
        Rr big =
                (Rr)
                        real(
                                "@400000006b0691c51649e8e4 rr 7f350101 86400 16 big.alpha.test. 7f6f6e6520787878787878787878787878787878787878787878787878787878...");
        assertThat(big.truncated()).isTrue();
        assertThat(big.hex()).hasSize(64);
        assertThat(big.decoded()).startsWith("\"one xxx").endsWith(" ...");
    }

    @Test
    void rrSpecialForms() {
        RrCname c =
                (RrCname)
                        real(
                                "@400000006b0691c50217aec4 rr 7f350101 86400 cname www.alpha.test. web.beta.other.");
        assertThat(c.cname()).isEqualTo("web.beta.other.");
        RrNs ns = (RrNs) real("@400000006b0691c502126b1c rr 7f350001 259200 ns test. ns.nic.test.");
        assertThat(ns.name()).isEqualTo("test.");
        assertThat(ns.nameServer()).isEqualTo("ns.nic.test.");
        RrPtr p =
                (RrPtr)
                        real(
                                "@400000006b0691c523ed2e84 rr 7f350002 86400 ptr 5.2.0.192.in-addr.arpa. host.gamma.test.");
        assertThat(p.target()).isEqualTo("host.gamma.test.");
        RrMx mx =
                (RrMx)
                        real(
                                "@400000006b0691c50751c1a4 rr 7f350101 86400 mx alpha.test. 10 mx.alpha.test.");
        assertThat(mx.preference()).isEqualTo(10);
        assertThat(mx.exchanger()).isEqualTo("mx.alpha.test.");
        RrSoa soa =
                (RrSoa)
                        real(
                                "@400000006b0691c50d3658dc rr 7f350101 2560 soa alpha.test. ns1.alpha.test. hostmaster.alpha.test. 1795592633 16384 2048 1048576 2560");
        assertThat(soa.name()).isEqualTo("alpha.test.");
        assertThat(soa.mname()).isEqualTo("ns1.alpha.test.");
        assertThat(soa.rname()).isEqualTo("hostmaster.alpha.test.");
        assertThat(soa.serial()).isEqualTo(1795592633L);
        assertThat(soa.minimum()).isEqualTo(2560);
    }

    @Test
    void ipv6AddressesOfPatchedBuilds() {
        Query q =
                (Query)
                        parser.parse(
                                "query 9 20010db8000000000000000000000053:0035:beef 28 a.example.",
                                1);
        assertThat(q.client()).isEqualTo("2001:db8::53");
        assertThat(q.port()).isEqualTo(53);
        assertThat(q.id()).isEqualTo(0xbeef);
    }

    @Test
    void malformedLinesBecomeUnparsedWithAReason() {
        assertThat(reason("")).isEqualTo("empty line");
        assertThat(reason("hello world")).contains("unknown entry type 'hello'");
        assertThat(reason("@4000zzzz starting")).contains("TAI64N");
        assertThat(reason("sent 1")).contains("sent serial length");
        assertThat(reason("query x 7f000001:0001:0002 1 a.")).contains("not a decimal number");
        assertThat(reason("query 1 7f0001:0001:0002 1 a.")).contains("hex address");
        assertThat(reason("query 1 7f000001:0001:0002 1 a")).contains("does not end with '.'");
        assertThat(reason("rr 7f000001 1 16 a. abc")).contains("odd number");
        assertThat(reason("stats 1  2 3")).contains("double space");
        Unparsed u = (Unparsed) parser.parse("garbage", 12);
        assertThat(u.source()).isEqualTo("test.log");
        assertThat(u.line()).isEqualTo(12);
        assertThat(u.text()).isEqualTo("garbage");
    }

    @Test
    void anRrLineCutOffBeforeItsDataIsUnparsedButAnEmptyRecordIsNot() {
        // dnscache writes "rr server ttl type name " and then the data: the space is always there
        assertThat(reason("rr 7f000001 1 16 a.")).contains("cut off before its data");
        assertThat(reason("@400000006b0691c5193f1ca4 rr 7f350101 86400 28 v6.alpha.test."))
                .contains("cut off");
        DnscacheEntry.Rr empty = (DnscacheEntry.Rr) parser.parse("rr 7f000001 1 16 a. ", 1);
        assertThat(empty.hex()).isEmpty();
        assertThat(empty.name()).isEqualTo("a.");
        assertThat(reason("rr 7f000001 1 16 a.  ")).contains("double space");
        assertThat(reason("stats 1 2 3 4 ")).contains("double space");
    }

    private String reason(String line) {
        DnscacheEntry e = parser.parse(line, 1);
        assertThat(e).isInstanceOf(Unparsed.class);
        return ((Unparsed) e).reason();
    }

    @Test
    void everyFixtureLineParsesAndEveryEntryTypeOccurs() {
        Set<EntryKind> seen = EnumSet.noneOf(EntryKind.class);
        long n = 0;
        for (String line : fixtureLines) {
            DnscacheEntry e = parser.parse(line, ++n);
            assertThat(e).as("line %d: %s", n, line).isNotInstanceOf(Unparsed.class);
            seen.add(EntryKind.of(e));
        }
        assertThat(seen).isEqualTo(EnumSet.complementOf(EnumSet.of(EntryKind.UNPARSED)));
    }

    @Test
    void typeMnemonicsFollowTheIanaRegistry() {
        assertThat(DnsTypes.mnemonic(1)).isEqualTo("A");
        assertThat(DnsTypes.mnemonic(257)).isEqualTo("CAA");
        assertThat(DnsTypes.mnemonic(65)).isEqualTo("HTTPS");
        assertThat(DnsTypes.mnemonic(32769)).isEqualTo("DLV");
        assertThat(DnsTypes.mnemonic(54)).isEqualTo("TYPE54");
        assertThat(DnsTypes.number("aaaa")).isEqualTo(28);
        assertThat(DnsTypes.number("TYPE65280")).isEqualTo(65280);
    }

    @Test
    void detectorRecognisesDnscacheAndRejectsSyslog() throws IOException {
        assertThat(DnscacheDetector.looksLikeDnscache(fixtureLines.subList(0, 50))).isTrue();
        assertThat(
                        DnscacheDetector.looksLikeDnscache(
                                List.of(
                                        "Nov 25 07:00:01 host CRON[123]: (root) CMD (true)",
                                        "Nov 25 07:00:02 host sshd[9]: Accepted publickey for root")))
                .isFalse();
        assertThat(DnscacheDetector.looksLikeDnscache(List.of("starting"))).isFalse();
    }
}
