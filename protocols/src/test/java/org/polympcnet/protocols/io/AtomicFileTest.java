package org.polympcnet.protocols.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFile.write(target, new byte[] {1, 2, 3});
        AtomicFile.write(target, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }

    @Test
    void outputIsReadableByOthersUnlessTheUmaskForbids() throws IOException {
        Path target = dir.resolve("model.json");
        AtomicFile.write(target, new byte[] {1});
        Path plain = Files.createFile(dir.resolve("plain"));
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) return;
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        // The same permissions as any file this user creates (createTempFile would give owner-only).
        assertEquals(expected, Files.getPosixFilePermissions(target));
        assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void missingDirectoryFailsWithoutCreatingAnything() {
        Path target = dir.resolve("no-such-dir").resolve("x.bin");
        assertThrows(IOException.class, () -> AtomicFile.write(target, new byte[] {1}));
        assertFalse(Files.exists(target.getParent()));
    }
}
