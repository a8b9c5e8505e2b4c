package org.polympcnet.protocols.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.MemoryChannel;
import org.polympcnet.protocols.session.SessionMismatchException;

class InferenceHandshakeTest {
    @Test
    void clientLearnsTheArchitectureButNoWeights() throws Exception {
        Model m = TestModels.reluCnn();
        Channel[] c = MemoryChannel.pair("server", "client", 5000);
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> InferenceHandshake.offer(c[0], m, ModelFile.weightsSha256(m)));
        Model got = InferenceHandshake.accept(c[1], null, null);
        server.get();
        assertFalse(got.hasWeights());
        assertEquals(m.layers.size(), got.layers.size());
        assertArrayEquals(m.outputShape(), got.outputShape());
        assertEquals(m.reluCount(), got.reluCount());
    }

    @Test
    void aDifferentModelEndsBothSidesWithOneClearError() throws Exception {
        Model server = TestModels.reluCnn(), client = TestModels.polyCnn();
        Channel[] c = MemoryChannel.pair("server", "client", 5000);
        CompletableFuture<Void> s = CompletableFuture.runAsync(() -> InferenceHandshake.offer(c[0], server, ModelFile.weightsSha256(server)));
        SessionMismatchException e = assertThrows(SessionMismatchException.class,
                () -> InferenceHandshake.accept(c[1], client, ModelFile.weightsSha256(client)));
        assertTrue(e.getMessage().contains("weights.bin sha256"), e.getMessage());
        ExecutionException se = assertThrows(ExecutionException.class, s::get);
        assertEquals(e.getMessage(), se.getCause().getMessage());
    }

    @Test
    void sameWeightsDifferentLayerIsNamed() throws Exception {
        Model server = TestModels.reluCnn();
        Channel[] c = MemoryChannel.pair("server", "client", 5000);
        CompletableFuture<Void> s = CompletableFuture.runAsync(() -> InferenceHandshake.offer(c[0], server, "abc"));
        Model client = SecureInferenceTest.withoutWeights(TestModels.polyCnn());
        SessionMismatchException e = assertThrows(SessionMismatchException.class, () -> InferenceHandshake.accept(c[1], client, "abc"));
        assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
        assertThrows(ExecutionException.class, s::get);
    }
}
