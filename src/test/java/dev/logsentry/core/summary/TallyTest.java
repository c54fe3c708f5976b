package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Items looked up by bytes and by name are the same items. */
class TallyTest {
    @Test
    void theHashOfBytesFourAtATimeIsTheStringsHash() {
        Random rnd = new Random(14);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[rnd.nextInt(45)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) rnd.nextInt(128);
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
            String s = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
            assertThat(Tally.hash(b, from, b.length)).as(s).isEqualTo(s.hashCode());
        }
    }

    @Test
    void anItemCountedByBytesIsFoundByName() {
        Tally root = new Tally(null, false);
        byte[] line = "x alice@example.org y".getBytes(StandardCharsets.US_ASCII);
        Tally a = root.item(line, 2, 19);
        a.hit(0, 0, 1);
        root.item(line, 2, 19).hit(0, 0, 2);
        assertThat(root.child("alice@example.org")).isSameAs(a);
        assertThat(a.count()).isEqualTo(2);
        assertThat(root.item("alice@example.org")).isSameAs(a);
    }
}
