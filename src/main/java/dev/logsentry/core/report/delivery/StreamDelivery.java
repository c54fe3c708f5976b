package dev.logsentry.core.report.delivery;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the report's bytes to a stream the caller owns (the CLI passes standard output). */
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
            out.write(report.body());
            out.flush();
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
