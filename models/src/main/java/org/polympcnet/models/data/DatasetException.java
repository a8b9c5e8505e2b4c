package org.polympcnet.models.data;

/**
 * A data set that cannot be fetched, read or trusted. The message is written for the user and
 * names the file (or directory, package or field) at fault: a bad IDX magic number, a truncated
 * batch, a tarball whose sha256 is not the pinned one, a package missing from the cache.
 */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
