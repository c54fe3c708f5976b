package dev.logsentry.core.report.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Writes the report's bytes to a stream the caller owns (the CLI passes standard output). A write
 * that fails (full disk, closed pipe) is a failed delivery, also through a {@link PrintStream},
 * which hides its errors unless asked.
 */
public final class StreamDelivery implements Delivery {
    private final OutputStream out;
    private final String name;

    public StreamDelivery(OutputStream out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public void deliver(FinishedReport report) throws DeliveryException {
        try {
            report.content().writeTo(out);
            out.flush();
            // a PrintStream (System.out) swallows write errors: ask it, or a report written to a
            // full disk or a closed pipe would count as delivered and its lines be lost
            if (out instanceof PrintStream ps && ps.checkError()) {
                throw new IOException("write error");
            }
        } catch (IOException e) {
            throw new DeliveryException(
                    "could not write the report to " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return name;
    }
}
