package org.polympcnet.perfmodel.hls;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.Correlation;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.MatrixTriple;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.SquarePairs;

/**
 * A party's correlation source seen through a recorder: hands the op exactly what the dealer
 * gives, and keeps a copy of every array, so the golden vectors hold the correlations the op
 * really consumed (ops fetch them in their constructors, out of a caller's reach).
 *
 * <p>Only the correlations the HLS kernels model pass: square pairs (poly_eval), matrix triples
 * (ring_matmul) and the MSB's (relu_msb). If an op starts asking for anything else (say
 * faithful-truncation masks), generation fails here instead of writing vectors that no longer
 * describe the protocol. A dynamic proxy rather than a class implementing the interface, so
 * that correlation kinds added to {@link CorrelationSource} later are refused, not a compile
 * error in this module.
 */
final class RecordingCorrelations {
    private final CorrelationSource inner;
    private final CorrelationSource source;
    private final Map<String, long[]> recorded = new LinkedHashMap<>();

    RecordingCorrelations(CorrelationSource inner) {
        this.inner = inner;
        this.source = (CorrelationSource) Proxy.newProxyInstance(CorrelationSource.class.getClassLoader(),
                new Class<?>[] {CorrelationSource.class}, (proxy, method, args) -> invoke(method, args));
    }

    /** The source to give the op's {@code Party}. */
    CorrelationSource source() {
        return source;
    }

    /** Copies of every recorded array, in fetch order, named as in the golden files. */
    Map<String, long[]> recorded() {
        return recorded;
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
        switch (method.getName()) {
            case "close":
                return null; // the session owns the underlying source and closes it
            case "squarePairs": {
                SquarePairs s = (SquarePairs) call(method, args);
                put("square.a", s.a);
                put("square.aa", s.aa);
                return s;
            }
            case "matrixTriple": {
                MatrixTriple t = (MatrixTriple) call(method, args);
                put("triple.a", t.a);
                put("triple.b", t.b);
                put("triple.c", t.c);
                return t;
            }
            case "msb": {
                MsbCorrelation c = (MsbCorrelation) call(method, args);
                put("cross.mask", c.cross.mask);
                put("cross.share", c.cross.share);
                for (int l = 0; l < c.levels.length; l++) {
                    CombineTriples t = c.levels[l];
                    put("level" + l + ".u", t.u);
                    put("level" + l + ".v", t.v);
                    put("level" + l + ".w", t.w);
                }
                return c;
            }
            default:
                if (Correlation.class.isAssignableFrom(method.getReturnType())) {
                    throw new UnsupportedOperationException("the op asked for " + method.getName()
                            + ", a correlation no HLS kernel models; extend GoldenVectors and the kernels together");
                }
                return call(method, args); // mode(), linkStats(): not correlations
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void put(String name, long[] words) {
        if (recorded.putIfAbsent(name, words.clone()) != null) {
            throw new IllegalStateException("the op fetched a second " + name + "; the golden format holds one");
        }
    }
}
