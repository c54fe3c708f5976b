package dev.logsentry.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * Why an I/O operation failed, in the words a user expects ("permission denied", "no such file or
 * directory") instead of an exception's class name or a bare path, which is all that {@link
 * AccessDeniedException#getMessage()} carries.
 */
public final class IoErrors {
    private IoErrors() {}

    /** The reason of {@code e}, without the file name (the caller names the file). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof EOFException) {
            return "unexpected end of data"; // a .gz cut short, for one
        }
        if (e instanceof ZipException) {
            return "damaged compressed data"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
