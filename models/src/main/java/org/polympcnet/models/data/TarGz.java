package org.polympcnet.models.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A small reader of gzipped tar archives, enough for npm tarballs: POSIX ustar headers (with the
 * name prefix field), regular files and directories, GNU long names ({@code L}) and pax
 * extended headers ({@code x}, whose {@code path} is honoured; global ones are skipped). Each
 * header's checksum is verified. Links, devices and any entry whose path is absolute or climbs
 * out with {@code ..} are refused: an archive can only write below its destination.
 *
 * <p>Written here rather than pulled in (Commons Compress) because this is all the project needs
 * and it keeps the models module free of another dependency.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /** What an extraction wrote. */
    record Summary(int files, long bytes) {}

    /** Unpacks {@code archive} below {@code dest} (created if needed). */
    static Summary extract(Path archive, Path dest) {
        Path root = dest.toAbsolutePath().normalize();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            Files.createDirectories(root);
            byte[] header = new byte[BLOCK];
            String longName = null;
            int files = 0;
            long bytes = 0;
            while (true) {
                if (!readBlock(in, header)) throw new DatasetException(archive + ": truncated tar archive (no end-of-archive blocks)");
                if (allZero(header)) break;
                verifyChecksum(header, archive);
                char type = (char) header[156];
                long size = parseNumber(header, 124, 12, archive);
                String name = longName != null ? longName : headerName(header);
                longName = null;
                switch (type) {
                    case 'L' -> longName = trimNul(new String(readData(in, size, archive), StandardCharsets.UTF_8));
                    case 'x' -> longName = paxPath(readData(in, size, archive));
                    case 'g' -> skip(in, size, archive);
                    case '5' -> {
                        Files.createDirectories(resolve(root, name, archive));
                        skip(in, size, archive);
                    }
                    case '0', '\0', '7' -> {
                        Path target = resolve(root, name, archive);
                        Files.createDirectories(target.getParent());
                        copy(in, target, size, archive);
                        files++;
                        bytes += size;
                    }
                    default -> throw new DatasetException(archive + ": tar entry '" + name + "' has type '" + type
                            + "' (link or device), which a data package should not hold");
                }
            }
            return new Summary(files, bytes);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(archive + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException("cannot unpack " + archive + " into " + dest + ": " + e, e);
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        return in.readNBytes(block, 0, BLOCK) == BLOCK;
    }

    private static boolean allZero(byte[] block) {
        for (byte x : block) if (x != 0) return false;
        return true;
    }

    private static void verifyChecksum(byte[] h, Path archive) {
        long stored = parseNumber(h, 148, 8, archive);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        if (sum != stored) throw new DatasetException(archive + ": corrupt tar header (checksum " + stored + ", computed " + sum + ")");
    }

    /** An octal field (NUL or space terminated), or GNU base-256 when the high bit is set. */
    private static long parseNumber(byte[] h, int off, int len, Path archive) {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) v = (v << 8) | (h[off + i] & 0xff);
            return v;
        }
        long v = 0;
        int i = off, end = off + len;
        while (i < end && h[i] == ' ') i++;
        for (; i < end && h[i] != 0 && h[i] != ' '; i++) {
            if (h[i] < '0' || h[i] > '7') throw new DatasetException(archive + ": corrupt tar header (bad octal number)");
            v = v * 8 + (h[i] - '0');
        }
        return v;
    }

    private static String headerName(byte[] h) {
        String name = field(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        if (ustar) {
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
        }
        return name;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    /** The {@code path} record of a pax header ("LEN path=VALUE\n" records), or null. */
    private static String paxPath(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        int i = 0;
        while (i < s.length()) {
            int sp = s.indexOf(' ', i);
            if (sp < 0) break;
            int len;
            try {
                len = Integer.parseInt(s.substring(i, sp));
            } catch (NumberFormatException e) {
                break;
            }
            if (len <= 0 || i + len > s.length()) break;
            String rec = s.substring(sp + 1, i + len - 1);
            if (rec.startsWith("path=")) return rec.substring(5);
            i += len;
        }
        return null;
    }

    private static Path resolve(Path root, String name, Path archive) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            throw new DatasetException(archive + ": refusing tar entry '" + name + "' (absolute or unusual path)");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new DatasetException(archive + ": refusing tar entry '" + name + "' (outside the destination)");
        }
        return target;
    }

    private static byte[] readData(InputStream in, long size, Path archive) throws IOException {
        if (size > 1 << 20) throw new DatasetException(archive + ": tar metadata entry of " + size + " bytes is implausibly large");
        byte[] data = new byte[(int) size];
        if (in.readNBytes(data, 0, data.length) != data.length) throw new DatasetException(archive + ": truncated tar archive");
        skipPadding(in, size, archive);
        return data;
    }

    private static void copy(InputStream in, Path target, long size, Path archive) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            long left = size;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) throw new DatasetException(archive + ": truncated tar archive inside " + target.getFileName());
                out.write(buf, 0, r);
                left -= r;
            }
        }
        skipPadding(in, size, archive);
    }

    private static void skip(InputStream in, long size, Path archive) throws IOException {
        long left = size + padding(size);
        byte[] buf = new byte[8192];
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) throw new DatasetException(archive + ": truncated tar archive");
            left -= r;
        }
    }

    private static void skipPadding(InputStream in, long size, Path archive) throws IOException {
        long pad = padding(size);
        byte[] buf = new byte[BLOCK];
        if (pad > 0 && in.readNBytes(buf, 0, (int) pad) != pad) throw new DatasetException(archive + ": truncated tar archive");
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }
}
