package dev.logsentry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reports a failure that is not the user's doing (a bug, or memory exhausted) as one clear line on
 * standard error, exit 70; the stack trace goes to a private file that the line names, or with
 * {@code --debug} to standard error. A cron mail then says what happened instead of holding a
 * trace.
 */
final class InternalFailure {
    static final int EXIT = 70;

    private InternalFailure() {}

    static int report(Throwable e, PrintWriter err, boolean debug) {
        String what =
                e instanceof OutOfMemoryError
                        ? "out of memory (the Java heap holds at most "
                                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                                + " MB; raise it with -Xmx)"
                        : "internal error (" + e + "; a bug, please report it)";
        String where;
        if (debug) {
            where = "";
        } else {
            where = "; details in " + writeTrace(e);
        }
        err.println("logsentry check: " + what + "; state unchanged" + where);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT;
    }

    /** Writes the trace to a new 0600 temp file; its path, or why there is none. */
    private static String writeTrace(Throwable e) {
        try {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Path f =
                    Files.createTempFile(
                            "logsentry-check-",
                            ".trace",
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, trace.toString(), StandardCharsets.UTF_8);
            return f.toString();
        } catch (IOException | RuntimeException | Error x) {
            return "no file (" + x.getMessage() + "); run again with --debug to see them";
        }
    }
}
