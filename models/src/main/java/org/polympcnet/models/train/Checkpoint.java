package org.polympcnet.models.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polympcnet.models.nn.Network;
import org.polympcnet.protocols.io.AtomicFile;

/**
 * A training checkpoint ({@code checkpoint.bin}): every trainable array and running batch-norm
 * statistic of a network by name, so that training can resume in another mode ({@code poly
 * --from DIR} starts from a ReLU run's weights). Format: "PMCK1", a count, then per array its
 * name, rank, dimensions and float32 values (big-endian, Java's DataOutput). Written to a temp
 * file and renamed, so a crash leaves the previous checkpoint whole.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "PMCK1";

    private Checkpoint() {}

    /** The network's variables and running statistics, copied. */
    public static Map<String, INDArray> snapshot(Network net) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (String n : net.weights()) m.put(n, net.array(n).dup());
        for (String n : net.alphas()) m.put(n, net.array(n).dup());
        for (var e : net.runningStats().entrySet()) m.put(e.getKey(), e.getValue().dup());
        return m;
    }

    /**
     * Copies every array of {@code state} that {@code net} has under the same name and shape;
     * returns how many were copied.
     */
    public static int restore(Network net, Map<String, INDArray> state) {
        int copied = 0;
        for (var e : state.entrySet()) {
            INDArray dst = net.runningStats().containsKey(e.getKey()) ? net.runningStats().get(e.getKey())
                    : net.has(e.getKey()) ? net.array(e.getKey()) : null;
            if (dst == null) continue;
            if (!java.util.Arrays.equals(dst.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("checkpoint array " + e.getKey() + " has shape " + java.util.Arrays.toString(e.getValue().shape())
                        + " but the network's is " + java.util.Arrays.toString(dst.shape()));
            }
            dst.assign(e.getValue());
            copied++;
        }
        return copied;
    }

    public static void write(Path file, Map<String, INDArray> state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(state.size());
            for (var e : state.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) out.writeLong(d);
                float[] v = e.getValue().dup('c').data().asFloat();
                out.writeInt(v.length);
                for (float f : v) out.writeFloat(f);
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFile.write(file.toAbsolutePath(), bytes.toByteArray());
    }

    public static Map<String, INDArray> read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (!MAGIC.equals(in.readUTF())) throw new IllegalArgumentException(file + ": not a polympcnet checkpoint (no " + MAGIC + " header)");
            int n = in.readInt();
            Map<String, INDArray> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) throw new IllegalArgumentException(file + ": array " + name + " has rank " + rank);
                long[] shape = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                    size *= shape[d];
                }
                int len = in.readInt();
                if (len != size) throw new IllegalArgumentException(file + ": array " + name + " holds " + len + " values for shape of " + size);
                float[] v = new float[len];
                for (int k = 0; k < len; k++) v[k] = in.readFloat();
                m.put(name, rank == 0 ? Nd4j.scalar(v[0]) : Nd4j.create(v, shape, 'c'));
            }
            return m;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found (a checkpoint is written by polympc train --out DIR)");
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": truncated checkpoint");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
