package dev.logsentry.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * Says what went wrong with a file in words an administrator reads ("permission denied"), not as a
 * Java class name ({@code java.nio.file.AccessDeniedException}).
 */
public final class IoProblems {
    private IoProblems() {}

    /** The reason, without the path (the caller names the file). */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof EOFException) {
            return "unexpected end of data";
        }
        if (e instanceof ZipException) {
            return "damaged compressed data"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
