package org.polympcnet.cli;

/**
 * The client's images for {@code polympc infer}: a labelled list of pixels in [0, 1], [C, H, W]
 * row-major, read one at a time so a run holds only the batch it works on.
 */
interface InferImages {
    /** The dataset's name as given on the command line (for the summary's config). */
    String name();

    int count();

    /** [C, H, W] of every image. */
    int[] shape();

    /** Number of classes labels are drawn from. */
    int classes();

    /** Pixels of image i in [0, 1], C*H*W of them. */
    float[] image(int i);

    int label(int i);
}
