package dev.logsentry.ui.dock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for {@link DockState} on its own (the workspace file embeds the record through its own
 * mapper; this is for tests and for copying a layout).
 */
public final class DockJson {
    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DockJson() {}

    public static String write(DockState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dock layout cannot be written as JSON", e);
        }
    }

    /** Reads a layout; throws {@link IllegalArgumentException} naming what is wrong. */
    public static DockState read(String json) {
        try {
            return MAPPER.readValue(json, DockState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "unreadable dock layout: " + e.getOriginalMessage(), e);
        }
    }
}
