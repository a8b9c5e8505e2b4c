// C simulation of the polynomial engine against the Java protocol (PolyActivation.java): both
// parties mask with their square-pair share (ring_mask), the testbench opens e = e0 + e1 as the
// channel would, each party runs poly_eval, and both output shares must equal the Java parties'
// shares exactly (so must their sum, the revealed y).
#include <cstdio>

#include "golden.h"
#include "poly_eval.h"

static int run(const Golden& g) {
    const int n = (int)g.param("n"), f = (int)g.param("frac_bits");
    const int64_t a = g.param("coeff_a"), b = g.param("coeff_b"), c = g.param("coeff_c");

    // Send half, then the exchange: both parties learn e = x - s.
    Words masked[2];
    for (int p = 0; p < 2; p++) {
        masked[p].assign((size_t)n, 0);
        ring_mask(n, g.party("x", p, (size_t)n).data(), g.party("square.a", p, (size_t)n).data(), masked[p].data());
    }
    Words e((size_t)n);
    for (int i = 0; i < n; i++) e[(size_t)i] = masked[0][(size_t)i] + masked[1][(size_t)i];

    size_t bad = 0;
    Words y[2];
    for (int p = 0; p < 2; p++) {
        y[p].assign((size_t)n, 0);
        poly_eval(p, n, f, a, b, c, g.party("x", p, (size_t)n).data(), e.data(), g.party("square.a", p, (size_t)n).data(),
                  g.party("square.aa", p, (size_t)n).data(), y[p].data());
        bad += mismatches(p == 0 ? "y share of party 0" : "y share of party 1", g.party("y", p, (size_t)n), y[p]);
    }
    Words sum((size_t)n);
    for (int i = 0; i < n; i++) sum[(size_t)i] = y[0][(size_t)i] + y[1][(size_t)i];
    const size_t wrong = mismatches("revealed y", g.section("y", (size_t)n), sum);
    bad += wrong;

    std::printf("poly_eval: n=%d, f=%d, a=%lld b=%lld c=%lld (at 2^-f), %d multipliers = %d element lanes, II=%d: "
                "both parties' shares %s the Java parties', %zu/%d revealed values right: %s\n",
                n, f, (long long)a, (long long)b, (long long)c, POLY_MULTIPLIERS, POLY_LANES, POLY_II,
                bad == 0 ? "equal" : "DIFFER from", (size_t)n - wrong, n, bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}

int main(int argc, char** argv) { return run_testbench("poly_eval", argc, argv, run); }
