package org.polympcnet.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the CIFAR-10 binary version ({@code cifar-10-binary.tar.gz}, unpacked): files
 * {@code data_batch_1.bin} .. {@code data_batch_5.bin} and {@code test_batch.bin}, each a run of
 * 3,073-byte records: one label byte (0..9), then 3,072 pixel bytes, the 1,024 red values of the
 * 32 x 32 image row-major, then the 1,024 green, then the 1,024 blue. That is [C, H, W] already,
 * so a record's pixels are copied as they are.
 *
 * <p>The released batches hold 10,000 records each; this reader accepts any whole number of
 * records (tests use tiny batches) and rejects a file whose length is not a multiple of 3,073
 * (truncated or not a CIFAR-10 batch) or whose label byte is not a class.
 */
public final class Cifar10Files {
    public static final int CHANNELS = 3, SIDE = 32;
    public static final int PIXELS = CHANNELS * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
            "truck");

    private Cifar10Files() {}

    /** Records of one or more batch files, concatenated in the order given. */
    public record Records(byte[] pixels, int[] labels) {}

    /** Reads the batches in order into one array of images and one of labels. */
    public static Records read(List<Path> files) {
        long total = 0;
        List<Long> sizes = new ArrayList<>();
        for (Path f : files) {
            long len;
            try {
                len = Files.size(f);
            } catch (NoSuchFileException e) {
                throw new DatasetException(f + ": no such file (CIFAR-10 needs " + String.join(", ", TRAIN_FILES) + " and " + TEST_FILE + ")", e);
            } catch (IOException e) {
                throw new DatasetException(f + ": cannot read: " + e, e);
            }
            if (len == 0 || len % RECORD != 0) {
                throw new DatasetException(f + ": wrong byte count: " + len + " bytes is not a whole number of " + RECORD
                        + "-byte CIFAR-10 records (1 label byte + " + PIXELS + " pixel bytes); truncated or not a binary batch?");
            }
            sizes.add(len / RECORD);
            total += len / RECORD;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 16) throw new DatasetException("CIFAR-10 batches " + files + " hold too many records to load");
        byte[] pixels = new byte[(int) (total * PIXELS)];
        int[] labels = new int[(int) total];
        byte[] record = new byte[RECORD];
        int n = 0;
        for (int fi = 0; fi < files.size(); fi++) {
            Path f = files.get(fi);
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                for (long r = 0; r < sizes.get(fi); r++, n++) {
                    if (in.readNBytes(record, 0, RECORD) != RECORD) throw new DatasetException(f + ": truncated while reading record " + r);
                    int label = record[0] & 0xff;
                    if (label >= CLASS_NAMES.size()) {
                        throw new DatasetException(f + ": record " + r + " has label byte " + label + ", not a CIFAR-10 class (0..9)");
                    }
                    labels[n] = label;
                    System.arraycopy(record, 1, pixels, n * PIXELS, PIXELS);
                }
            } catch (IOException e) {
                throw new DatasetException(f + ": cannot read: " + e, e);
            }
        }
        return new Records(pixels, labels);
    }
}
