package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs a cross-process test starts (parties, dealer), each with its stdout and stderr in
 * files NAME.out and NAME.err of the test's folder; {@link #close} kills any still running so a
 * failed test leaves no process behind.
 */
final class Jvms implements AutoCloseable {
    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    Jvms(Path dir) {
        this.dir = dir;
    }

    /** A JVM on this test's class path running {@code main} with {@code args}. */
    Process start(String name, Class<?> main, String... args) throws IOException {
        // Without --add-modules jdk.incubator.vector: the JDK would print its incubator warning on
        // stderr, which these tests hold to be empty or one clear error; the KK13 pads then come from
        // the scalar engine, identical to the vector one (Kk13HashTest), only slower.
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        started.add(p);
        return p;
    }

    /** The exit code, failing the test if the process runs longer than {@code seconds}. */
    static int waitFor(Process p, String name, int seconds) throws InterruptedException {
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), name + " did not finish");
        return p.exitValue();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : started) if (p.isAlive()) p.destroyForcibly();
    }
}
