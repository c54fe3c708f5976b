package dev.logsentry.core.index;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;

/**
 * Releases a memory mapping as soon as its scan is done. Java 17 has no public unmap: a mapping
 * lives until its buffer is collected, and a large heap collects those small objects late, so an
 * indexed 1 GB log kept up to 600 MB of its pages counted in the workbench's resident set (see
 * docs/PERFORMANCE.md). {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, open to the
 * class path) unmaps at once; when it is not available the mapping is left to the collector as
 * before. The caller must not touch the buffer afterwards.
 */
final class Unmapper {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method clean = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            clean = type.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
            clean = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = clean;
    }

    private Unmapper() {}

    /** Unmaps {@code map} now if the JVM allows it; otherwise the collector will. */
    static void unmap(MappedByteBuffer map) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // left to the collector
        }
    }
}
