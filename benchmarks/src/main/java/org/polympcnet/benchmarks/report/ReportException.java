package org.polympcnet.benchmarks.report;

/** A raw file the report cannot use: the message names the file, line and field. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
