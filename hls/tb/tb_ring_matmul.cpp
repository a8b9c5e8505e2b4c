// C simulation of the linear engine against the Java protocol (MatMul.java): both parties mask
// X and Y with their triple shares (ring_mask), the testbench opens E and F, each party runs
// ring_matmul (all tiles), and both output shares must equal the Java parties' shares exactly.
// A second run on the first 13 rows and 5 columns (Z's rows depend only on E's and A's rows,
// its columns only on F's and B's) checks the clipping of partial tiles against the same data.
#include <cstdio>

#include "golden.h"
#include "ring_matmul.h"
#include "ring_mask.h"

// The top-left rows x cols block of a row-major matrix with `stride` columns.
static Words block(const Words& m, int stride, int rows, int cols) {
    Words r((size_t)(rows * cols));
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) r[(size_t)(i * cols + j)] = m[(size_t)(i * stride + j)];
    return r;
}

static Words opened(const Words& s0, const Words& s1) {
    Words r(s0.size());
    for (size_t i = 0; i < r.size(); i++) r[i] = s0[i] + s1[i];
    return r;
}

static int run(const Golden& g) {
    const int m = (int)g.param("m"), k = (int)g.param("k"), n = (int)g.param("n"), f = (int)g.param("frac_bits");
    const size_t mk = (size_t)(m * k), kn = (size_t)(k * n), mn = (size_t)(m * n);

    // Send half, then the exchange: both parties learn E = X - A and F = Y - B.
    Words me[2], mf[2];
    for (int p = 0; p < 2; p++) {
        me[p].assign(mk, 0);
        mf[p].assign(kn, 0);
        ring_mask((int)mk, g.party("x", p, mk).data(), g.party("triple.a", p, mk).data(), me[p].data());
        ring_mask((int)kn, g.party("y", p, kn).data(), g.party("triple.b", p, kn).data(), mf[p].data());
    }
    const Words e = opened(me[0], me[1]), fo = opened(mf[0], mf[1]);

    size_t bad = 0;
    Words z[2];
    const int em = 13 < m ? 13 : m, en = 5 < n ? 5 : n; // the edge-tile run
    for (int p = 0; p < 2; p++) {
        const Words& a = g.party("triple.a", p, mk);
        const Words& b = g.party("triple.b", p, kn);
        const Words& c = g.party("triple.c", p, mn);
        const Words& want = g.party("z", p, mn);
        z[p].assign(mn, 0);
        ring_matmul(p, m, k, n, f, e.data(), a.data(), fo.data(), b.data(), c.data(), z[p].data());
        bad += mismatches(p == 0 ? "z share of party 0" : "z share of party 1", want, z[p]);

        const Words ea = block(e, k, em, k), aa = block(a, k, em, k), fb = block(fo, n, k, en), bb = block(b, n, k, en);
        const Words cc = block(c, n, em, en);
        Words ze((size_t)(em * en), 0);
        ring_matmul(p, em, k, en, f, ea.data(), aa.data(), fb.data(), bb.data(), cc.data(), ze.data());
        bad += mismatches(p == 0 ? "edge-tile z share of party 0" : "edge-tile z share of party 1", block(want, n, em, en), ze);
    }
    const size_t wrong = mismatches("revealed z", g.section("z", mn), opened(z[0], z[1]));
    bad += wrong;

    std::printf("ring_matmul: %dx%dx%d and %dx%dx%d (partial tiles), f=%d, array %dx%d, II=%d: "
                "both parties' shares %s the Java parties', %zu/%zu revealed values right: %s\n",
                m, k, n, em, k, en, f, MATMUL_ROWS, MATMUL_COLS, MATMUL_II, bad == 0 ? "equal" : "DIFFER from",
                mn - wrong, mn, bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}

int main(int argc, char** argv) { return run_testbench("ring_matmul", argc, argv, run); }
