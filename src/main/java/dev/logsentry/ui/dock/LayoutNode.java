package dev.logsentry.ui.dock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Side;

/**
 * The dock tree as plain data, for the workspace file: a split of nodes or a stack of tabs. BentoFX
 * has no persistence of its own; {@link DockTreeCodec} turns its containers into these records and
 * back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayoutNode.Split.class, name = "split"),
    @JsonSubTypes.Type(value = LayoutNode.Stack.class, name = "stack")
})
public sealed interface LayoutNode {

    /**
     * Children side by side ({@code HORIZONTAL}) or one above the other ({@code VERTICAL}); {@code
     * dividers} are the split positions as fractions, one fewer than the children.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Split(Orientation orientation, List<Double> dividers, List<LayoutNode> children)
            implements LayoutNode {
        public Split {
            orientation = orientation == null ? Orientation.HORIZONTAL : orientation;
            dividers = dividers == null ? List.of() : List.copyOf(dividers);
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /**
     * A stack of tabs: its id (template areas have names such as {@code left}), the view or editor
     * ids in tab order, the selected one, where the tabs are, whether it is (part of) the editor
     * area and whether it is minimised.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stack(
            String id,
            List<String> views,
            String selected,
            Side side,
            boolean editorArea,
            boolean minimized)
            implements LayoutNode {
        public Stack {
            views = views == null ? List.of() : List.copyOf(views);
            side = side == null ? Side.TOP : side;
        }
    }
}
