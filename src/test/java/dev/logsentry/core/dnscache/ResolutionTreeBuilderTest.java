package dev.logsentry.core.dnscache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolution trees of the real fixture logs. Each expected tree was checked line by line against
 * the log (bench/dnscache/make-fixtures.sh says which zone is served where).
 */
class ResolutionTreeBuilderTest {
    private static DnscacheAnalysis main;
    private static DnscacheAnalysis plain;
    private static DnscacheAnalysis flood;

    @BeforeAll
    static void analyze() throws IOException {
        main = Fixtures.analyze(Fixtures.main());
        plain = Fixtures.analyze(Fixtures.plain());
        flood = Fixtures.analyze(Fixtures.flood());
    }

    @Test
    void oneTreePerQueryAndNothingLeftOver() {
        assertThat(main.trees()).hasSize(54);
        assertThat(main.trees()).extracting(ResolutionTree::serial).doesNotHaveDuplicates();
        assertThat(main.unattributed()).isEmpty();
        assertThat(plain.unattributed()).isEmpty();
        assertThat(flood.unattributed()).isEmpty();
    }

    @Test
    void cnameChainAcrossThreeZonesRestartsTheWalk() {
        ResolutionTree t = Fixtures.tree(main, 1);
        assertThat(t.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(t.bytes()).isEqualTo(101);
        List<String> txs = new ArrayList<>();
        for (String s : Fixtures.shape(t)) {
            if (s.startsWith("tx ")) {
                txs.add(s);
            }
        }
        assertThat(txs)
                .containsExactly(
                        "tx www.alpha.test. @.",
                        "tx www.alpha.test. @test.",
                        "tx www.alpha.test. @alpha.test.",
                        "tx web.beta.other. @.",
                        "tx web.beta.other. @other.",
                        "tx web.beta.other. @beta.other.",
                        "tx host.gamma.test. @test.",
                        "tx host.gamma.test. @gamma.test.");
        assertThat(Fixtures.shape(t))
                .contains("  rr cname www.alpha.test. >", "  rr cname web.beta.other. >");
        assertThat(t.maxGluelessness()).isZero();
    }

    @Test
    void gluelessDepthOne() {
        ResolutionTree t = Fixtures.tree(main, 24);
        assertThat(t.maxGluelessness()).isEqualTo(1);
        assertThat(Fixtures.shape(t))
                .containsExactly(
                        "cached ns test.",
                        "cached ns.nic.test.",
                        "tx www.g1.test. @test.",
                        "  rr ns g1.test.",
                        "lookup ns.h1.other.",
                        "  cached ns other.",
                        "  cached ns.nic.other.",
                        "  tx ns.h1.other. @other.",
                        "    rr ns1.h1.other.",
                        "    rr ns h1.other.",
                        "  cached ns1.h1.other.",
                        "  tx ns.h1.other. @h1.other.",
                        "    rr ns.h1.other.",
                        "    rr ns1.h1.other.",
                        "tx www.g1.test. @g1.test.",
                        "  rr www.g1.test.");
    }

    @Test
    void gluelessDepthTwo() {
        ResolutionTree t = Fixtures.tree(main, 25);
        assertThat(t.maxGluelessness()).isEqualTo(2);
        assertThat(Fixtures.shape(t))
                .containsExactly(
                        "cached ns test.",
                        "cached ns.nic.test.",
                        "tx www.g2.test. @test.",
                        "  rr ns g2.test.",
                        "lookup ns.h2.other.",
                        "  cached ns other.",
                        "  cached ns.nic.other.",
                        "  tx ns.h2.other. @other.",
                        "    rr ns h2.other.",
                        "  lookup ns.h2b.test.",
                        "    tx ns.h2b.test. @.",
                        "      rr ns.nic.test.",
                        "      rr ns.nic.test.",
                        "      rr ns test.",
                        "    cached ns.nic.test.",
                        "    tx ns.h2b.test. @test.",
                        "      rr ns1.h2b.test.",
                        "      rr ns h2b.test.",
                        "    cached ns1.h2b.test.",
                        "    tx ns.h2b.test. @h2b.test.",
                        "      rr ns.h2b.test.",
                        "      rr ns1.h2b.test.",
                        "  tx ns.h2.other. @h2.other.",
                        "    rr ns.h2.other.",
                        "tx www.g2.test. @g2.test.",
                        "  rr www.g2.test.");
    }

    @Test
    void gluelessDepthThreeNestsThreeLookups() {
        ResolutionTree t = Fixtures.tree(main, 26);
        assertThat(t.maxGluelessness()).isEqualTo(3);
        assertThat(t.outcome()).isEqualTo(Outcome.ANSWERED);
        ResolutionStep l1 = lookup(t.steps(), "ns.h3.other.");
        ResolutionStep l2 = lookup(l1.children(), "ns.h3b.test.");
        ResolutionStep l3 = lookup(l2.children(), "ns.h3c.other.");
        assertThat(List.of(l1.gluelessness(), l2.gluelessness(), l3.gluelessness()))
                .containsExactly(1, 2, 3);
        assertThat(l3.children())
                .filteredOn(s -> s.entry() instanceof DnscacheEntry.Tx)
                .extracting(s -> ((DnscacheEntry.Tx) s.entry()).control())
                .containsExactly(".", "other.", "h3c.other.");
        // back up one level: level 2 then level 1 then the client's own name
        assertThat(
                        Fixtures.shape(t)
                                .subList(Fixtures.shape(t).size() - 6, Fixtures.shape(t).size()))
                .containsExactly(
                        "    tx ns.h3b.test. @h3b.test.",
                        "      rr ns.h3b.test.",
                        "  tx ns.h3.other. @h3.other.",
                        "    rr ns.h3.other.",
                        "tx www.g3.test. @g3.test.",
                        "  rr www.g3.test.");
    }

    private static ResolutionStep lookup(List<ResolutionStep> steps, String name) {
        return steps.stream()
                .filter(s -> s.isLookup() && s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void lameServerOnlyEndsInServfail() {
        ResolutionTree t = Fixtures.tree(main, 28);
        assertThat(t.outcome()).isEqualTo(Outcome.SERVFAIL);
        assertThat(t.bytes()).isEqualTo(31); // header + question only
        assertThat(Fixtures.shape(t))
                .endsWith("tx www.lame.test. @lame.test.", "  lame lame.test.");
        assertThat(main.stats().lameServers())
                .extracting(e -> e.getKey())
                .containsExactly("127.53.1.9");
    }

    @Test
    void unreachableServerEndsInServfailAfterTheRetries() {
        ResolutionTree t = Fixtures.tree(main, 30);
        assertThat(t.outcome()).isEqualTo(Outcome.SERVFAIL);
        assertThat(Fixtures.shape(t))
                .endsWith("tx www.dead.test. @dead.test.", "  servfail www.dead.test.");
        assertThat(t.duration().toSeconds())
                .isGreaterThanOrEqualTo(10); // from the labels: 1+3+... s
        assertThat(main.stats().servfailNames())
                .extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("www.dead.test.", "www.lame.test.");
        assertThat(main.stats().slowest().get(0).serial()).isEqualTo(30);
    }

    @Test
    void cacheHitsCountOnlyAnswersToTheClientsQuestion() {
        ResolutionTree cname = Fixtures.tree(main, 2);
        assertThat(cname.outcome()).isEqualTo(Outcome.CACHED);
        assertThat(cname.cacheHit()).isTrue();
        assertThat(Fixtures.shape(cname))
                .containsExactly(
                        "cached cname www.alpha.test. >",
                        "cached cname web.beta.other. >",
                        "cached host.gamma.test.");
        ResolutionTree nx = Fixtures.tree(main, 16);
        assertThat(nx.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(nx.cacheHit()).isTrue();
        ResolutionTree nodata = Fixtures.tree(main, 18);
        assertThat(nodata.outcome()).isEqualTo(Outcome.NODATA);
        assertThat(nodata.cacheHit()).isTrue();
        // query 3 found only the name server's address in the cache: not a hit
        ResolutionTree mx = Fixtures.tree(main, 3);
        assertThat(mx.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(mx.cacheHit()).isFalse();
    }

    @Test
    void negativeAnswersFromServers() {
        assertThat(Fixtures.tree(main, 15).outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(Fixtures.tree(main, 17).outcome()).isEqualTo(Outcome.NODATA);
        assertThat(Fixtures.tree(main, 20).outcome()).isEqualTo(Outcome.NXDOMAIN); // from the root
        ResolutionTree dangling = Fixtures.tree(main, 19);
        assertThat(dangling.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(Fixtures.shape(dangling)).contains("  rr cname dangling.alpha.test. >");
    }

    @Test
    void oversizedAnswerIsTruncatedThenAskedAgainOverTcp() {
        ResolutionTree udp = Fixtures.tree(main, 7);
        assertThat(udp.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(udp.isTcp()).isFalse();
        ResolutionTree tcp = Fixtures.tree(main, 8);
        assertThat(tcp.isTcp()).isTrue();
        assertThat(tcp.outcome()).isEqualTo(Outcome.CACHED);
        assertThat(tcp.bytes()).isEqualTo(688);
    }

    @Test
    void interleavedQueriesAreAttributedByServerNameAndNextStep() {
        // 39 (www.k3.test) and 40 (k1.test) both look up ns.hk.other at the same time: the
        // first answer from 127.53.0.3 could be either's (marked), everything else is proven.
        ResolutionTree k3 = Fixtures.tree(main, 39);
        ResolutionTree k1 = Fixtures.tree(main, 40);
        assertThat(k3.name()).isEqualTo("www.k3.test.");
        assertThat(k1.name()).isEqualTo("k1.test.");
        assertThat(Fixtures.shape(k3))
                .containsExactly(
                        "cached ns test.",
                        "cached ns.nic.test.",
                        "tx www.k3.test. @test.",
                        "  rr ns k3.test.",
                        "lookup ns.hk.other.",
                        "  cached ns other.",
                        "  cached ns.nic.other.",
                        "  tx ns.hk.other. @other.",
                        "    rr ns1.hk.other. !",
                        "    rr ns hk.other. !",
                        "  cached ns1.hk.other. !",
                        "  tx ns.hk.other. @hk.other. !",
                        "    rr ns.hk.other.",
                        "    rr ns1.hk.other.",
                        "tx www.k3.test. @k3.test.",
                        "  rr www.k3.test.");
        assertThat(k3.ambiguousSteps()).isEqualTo(4);
        assertThat(k3.steps().get(3).children().get(2).children().get(0).alternatives())
                .containsExactly(40L);
        assertThat(Fixtures.shape(k1)).noneMatch(s -> s.endsWith("!"));
        assertThat(Fixtures.shape(k1)).endsWith("tx k1.test. @k1.test.", "  nodata k1.test.");
        assertThat(k1.outcome()).isEqualTo(Outcome.NODATA);
    }

    @Test
    void mergedQueriesKeepTheirMergeLine() {
        ResolutionTree second = Fixtures.tree(plain, 2);
        assertThat(Fixtures.shape(second).subList(0, 2))
                .containsExactly("tx www.slow.test. @.", "  merge www.slow.test.");
        assertThat(plain.count(EntryKind.MERGE)).isGreaterThan(0);
        assertThat(plain.trees()).allMatch(t -> t.outcome() != Outcome.UNFINISHED);
    }

    @Test
    void droppedAndUnfinishedQueriesOfAFloodedCache() {
        assertThat(flood.trees()).hasSize(211);
        assertThat(flood.trees().stream().filter(t -> t.outcome() == Outcome.DROPPED))
                .hasSize(11)
                .allMatch(t -> t.dropReason().equals("timed out"))
                .extracting(ResolutionTree::serial)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(flood.stats().outcomes().get(Outcome.UNFINISHED)).isEqualTo(199);
        assertThat(flood.trees())
                .filteredOn(t -> t.name().equals("www.partdead.test."))
                .singleElement()
                .extracting(ResolutionTree::outcome)
                .isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void localAnswersHaveNoSteps() {
        ResolutionTree t = Fixtures.tree(main, 22);
        assertThat(t.name()).isEqualTo("localhost.");
        assertThat(t.steps()).isEmpty();
        assertThat(t.outcome()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void logStartingMidQueryGivesPartialTreesAndRestartsAbandonQueries() {
        DnscacheParser p = new DnscacheParser("t");
        List<ResolutionTree> completed = new ArrayList<>();
        ResolutionTreeBuilder b = new ResolutionTreeBuilder(completed::add);
        String[] lines = {
            "rr 7f350101 86400 1 www.example. c0000201",
            "sent 5 49",
            "query 6 7f000001:1000:0001 1 a.example.",
            "tx 0 1 a.example. . 7f350001",
            "starting",
            "rr 7f350001 60 1 other.example. 01020304"
        };
        long n = 0;
        for (String l : lines) {
            b.accept(p.parse(l, ++n));
        }
        List<ResolutionTree> trees = b.finish();
        assertThat(trees).hasSize(2);
        assertThat(trees.get(0).isPartial()).isTrue();
        assertThat(trees.get(0).serial()).isEqualTo(5);
        assertThat(trees.get(0).steps()).hasSize(1); // the rr before its sent, proven by the serial
        assertThat(trees.get(1).outcome()).isEqualTo(Outcome.UNFINISHED);
        assertThat(completed).containsExactlyElementsOf(trees);
        assertThat(b.unattributed()).hasSize(1); // nobody is waiting after the restart
    }

    @Test
    void aStreamingBuilderHandsOnTheSameTreesInQueryOrderAndKeepsNone() throws IOException {
        List<Path> files =
                DnscacheLogReader.expandAll(
                        List.of(Fixtures.main(), Fixtures.plain(), Fixtures.flood()));
        DnscacheAnalyzer keeping = new DnscacheAnalyzer();
        DnscacheLogReader.read(files, keeping, DnscacheLogReader.Progress.NONE, () -> false);
        DnscacheAnalysis all = keeping.finish(List.of("x"));

        List<ResolutionTree> streamed = new ArrayList<>();
        DnscacheAnalyzer streaming = DnscacheAnalyzer.streaming(streamed::add);
        DnscacheLogReader.read(files, streaming, DnscacheLogReader.Progress.NONE, () -> false);
        DnscacheAnalysis lean = streaming.finish(List.of("x"));

        assertThat(lean.trees()).isEmpty();
        assertThat(streamed)
                .extracting(DnscacheJson::toJson)
                .containsExactlyElementsOf(all.trees().stream().map(DnscacheJson::toJson).toList());
        // the same statistics; the slowest queries are other tree objects with the same content
        assertThat(lean.stats().toString()).isEqualTo(all.stats().toString());
        assertThat(lean.stats().slowest())
                .extracting(DnscacheJson::toJson)
                .containsExactlyElementsOf(
                        all.stats().slowest().stream().map(DnscacheJson::toJson).toList());
        assertThat(lean.counts()).isEqualTo(all.counts());
    }

    @Test
    void statisticsOverTheMainFixture() {
        DnscacheStats s = main.stats();
        assertThat(s.queries()).isEqualTo(54);
        assertThat(s.topClients()).extracting(e -> e.getKey()).containsExactly("127.0.0.1");
        assertThat(s.topNames().get(0).getKey()).isEqualTo("www.alpha.test.");
        assertThat(s.gluelessness()).containsEntry(1, 3L).containsEntry(2, 1L).containsEntry(3, 1L);
        assertThat(s.cacheHits())
                .isEqualTo(main.trees().stream().filter(ResolutionTree::cacheHit).count());
        assertThat(s.counters()).hasSize((int) main.count(EntryKind.STATS));
        assertThat(s.queriesPerSecond().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(54);
    }
}
