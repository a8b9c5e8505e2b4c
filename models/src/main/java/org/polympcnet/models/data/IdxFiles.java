package org.polympcnet.models.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX files of MNIST and Fashion-MNIST (LeCun's format): a big-endian header of a
 * magic number {@code 0x0000TTDD} (TT = 0x08 for unsigned bytes, DD = number of dimensions) and
 * one 32-bit size per dimension, then the data, row-major. Images are {@code 0x00000803}
 * [N, rows, cols], labels {@code 0x00000801} [N]. A file named {@code *.gz} is read through gzip.
 *
 * <p>Every check names the file: the magic number, each size positive, and the byte count exact
 * (a truncated file and one with trailing bytes are both errors, since either means the header
 * and the data disagree).
 */
public final class IdxFiles {
    static final int UNSIGNED_BYTE = 0x08;

    private IdxFiles() {}

    /** Images of an IDX file: N images of rows x cols unsigned bytes. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    /** Reads an image file ({@code 0x00000803}). */
    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3, "image");
            long bytes = (long) dims[0] * dims[1] * dims[2];
            byte[] px = body(in, file, bytes, dims[0] + " x " + dims[1] + " x " + dims[2]);
            return new Images(dims[0], dims[1], dims[2], px);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Reads a label file ({@code 0x00000801}): one unsigned byte per image. */
    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1, "label");
            byte[] raw = body(in, file, dims[0], Integer.toString(dims[0]));
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) labels[i] = raw[i] & 0xff;
            return labels;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (isGzip(file)) raw = new GZIPInputStream(raw, 1 << 16);
        return new DataInputStream(raw);
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static int[] header(DataInputStream in, Path file, int dims, String kind) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(file + ": truncated: shorter than the 4-byte IDX magic number");
        }
        int expected = (UNSIGNED_BYTE << 8) | dims;
        if (magic != expected) {
            throw new DatasetException(String.format("%s: not an IDX %s file: magic number 0x%08x, expected 0x%08x (unsigned bytes, %d dimension%s)",
                    file, kind, magic, expected, dims, dims == 1 ? "" : "s"));
        }
        int[] d = new int[dims];
        for (int i = 0; i < dims; i++) {
            try {
                d[i] = in.readInt();
            } catch (EOFException e) {
                throw new DatasetException(file + ": truncated: the IDX header ends before its " + dims + " dimension sizes");
            }
            if (d[i] <= 0) throw new DatasetException(file + ": wrong dimensions: size " + (i + 1) + " of the IDX header is " + d[i]);
        }
        return d;
    }

    private static byte[] body(DataInputStream in, Path file, long bytes, String dims) throws IOException {
        if (bytes > Integer.MAX_VALUE - 16) throw new DatasetException(file + ": wrong dimensions: " + dims + " is too large to load");
        byte[] data = new byte[(int) bytes];
        int got = in.readNBytes(data, 0, data.length);
        if (got < data.length) {
            throw new DatasetException(file + ": truncated: the header declares " + dims + " = " + bytes + " data bytes, the file holds " + got);
        }
        long extra = 0;
        byte[] skip = new byte[8192];
        for (int r; (r = in.read(skip)) > 0; ) extra += r;
        if (extra > 0) {
            throw new DatasetException(file + ": wrong byte count: " + extra + " bytes after the " + dims + " = " + bytes
                    + " data bytes the header declares");
        }
        return data;
    }

    private static DatasetException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) return new DatasetException(file + ": no such file", e);
        if (e instanceof ZipException || e instanceof EOFException) {
            return new DatasetException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        return new DatasetException(file + ": cannot read: " + e, e);
    }
}
