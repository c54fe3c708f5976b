package dev.logsentry.ui.dock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;

/** The selection service works without a window: views can be tested against it headless. */
class SelectionServiceTest {
    private final SelectionService service = new SelectionService();

    @Test
    void currentSelectionIsTheActivePartsSelection() {
        service.setSelection("events", List.of("row 1"));
        service.setSelection("sources", List.of(7L));
        assertThat(service.selection().items()).isEmpty();

        service.partActivated("events");
        assertThat(service.selection().itemsOf(String.class)).containsExactly("row 1");

        service.partActivated("sources");
        assertThat(service.selection().first(Long.class)).contains(7L);
    }

    @Test
    void activatingAPartWithoutSelectionKeepsThePreviousOne() {
        service.partActivated("events");
        service.setSelection("events", List.of("row 1"));

        service.partActivated("details");

        assertThat(service.activePartProperty().get()).isEqualTo("details");
        assertThat(service.selection().part()).isEqualTo("events");
    }

    @Test
    void typedSubscribersHearOnlySelectionsOfTheirType() {
        List<List<String>> heard = new ArrayList<>();
        Subscription subscription = service.subscribe(String.class, heard::add);
        service.partActivated("events");

        service.setSelection("events", List.of("a", 1, "b"));
        service.setSelection("events", List.of(2));
        subscription.unsubscribe();
        service.setSelection("events", List.of("c"));

        assertThat(heard).containsExactly(List.of("a", "b"));
    }

    @Test
    void closingAnEditorClearsItsSelectionAndTheActiveEditor() {
        EditorInput log = new EditorInput("log:1", "syslog", null, null, "source");
        service.editorActivated(log);
        service.partActivated("log:1");
        service.setSelection("log:1", List.of("row"));

        service.partClosed("log:1");

        assertThat(service.activeEditorProperty().get()).isNull();
        assertThat(service.selection().isEmpty()).isTrue();
    }
}
