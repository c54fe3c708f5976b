package dev.logsentry.ui.dock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import org.junit.jupiter.api.Test;

class DockJsonTest {
    @Test
    void stateRoundTripsThroughJson() {
        LayoutNode main =
                DockLayouts.horizontal(
                        new double[] {0.2},
                        new LayoutNode.Stack(
                                "left", List.of("a", "b"), "b", Side.LEFT, false, true),
                        DockLayouts.vertical(
                                new double[] {0.7},
                                DockLayouts.editorArea(),
                                DockLayouts.stack("bottom", "c")));
        WindowLayout window =
                new WindowLayout(
                        10,
                        20,
                        640,
                        480,
                        new LayoutNode.Split(
                                Orientation.VERTICAL,
                                List.of(0.5),
                                List.of(
                                        DockLayouts.stack("w1", "d"),
                                        DockLayouts.stack("w2", "e"))));
        PerspectiveLayout layout = new PerspectiveLayout(main, List.of(window), "bottom");
        DockState state =
                new DockState(
                        "custom:Mine",
                        List.of(
                                new DockState.CustomPerspective(
                                        "custom:Mine", "Mine", null, layout)),
                        Map.of(
                                "custom:Mine",
                                layout,
                                "events",
                                new PerspectiveLayout(main, null, null)));

        DockState read = DockJson.read(DockJson.write(state));

        assertThat(read).isEqualTo(state);
    }

    @Test
    void missingFieldsTakeDefaultsAndUnknownOnesAreIgnored() {
        DockState read =
                DockJson.read(
                        "{\"perspective\":\"dns\",\"future\":1,\"layouts\":{\"dns\":"
                                + "{\"main\":{\"type\":\"stack\",\"id\":\"x\",\"views\":[\"a\"]}}}}");

        LayoutNode.Stack stack = (LayoutNode.Stack) read.layouts().get("dns").main();
        assertThat(stack.side()).isEqualTo(Side.TOP);
        assertThat(read.layouts().get("dns").windows()).isEmpty();
        assertThat(read.custom()).isEmpty();
    }

    @Test
    void brokenJsonIsReportedNotThrownAsAParserError() {
        assertThatThrownBy(() -> DockJson.read("{\"layouts\": [1,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable dock layout");
    }
}
