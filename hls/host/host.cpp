// Board run of the PolyMPCNet-J kernels on a ZCU104, through XRT's native C++ API (xrt::device,
// xrt::kernel, xrt::bo). Built only by scripts/board_run.sh, which needs XRT; `make csim` never
// compiles this file.
//
// For each op (relu = the MSB carry tree, poly, matmul) the program makes a two-party instance
// with consistent correlations (the dealer's recipes of correlation/dealer/Recipes.java, from a
// seeded PRNG), runs every kernel for party 0 and party 1 on the FPGA, moving the messages
// between the parties on the host as the channel would, and
//   - checks that both parties' FPGA outputs equal the same kernels run on the CPU bit for bit,
//     and that the reconstructed result is right (exact MSB; poly and matmul within truncation);
//   - times each kernel run (start to completion, no host<->device copies) and writes the
//     medians over --reps runs as tidy CSV, the schema of the performance model:
//       experiment,config,metric,value,unit
//       board,op=relu;n=65536;hw=zcu104,latency,123.456,us
//     The op row is the slower party's sum of kernel latencies (the two parties' engines run at
//     the same time in a real deployment; the link between them is the model's business).
//     Rows with ;party=P and ;party=P;kernel=K;step=S break it down; metric=transfer is the
//     host<->device copy time, reported apart.
//
// usage: polympc_hls_host XCLBIN [--out FILE] [--n N] [--matmul MxKxN] [--reps R] [--hw NAME]
#if !__has_include(<xrt/xrt_kernel.h>)
#error "host.cpp needs XRT (xrt/xrt_kernel.h): build it with scripts/board_run.sh on a machine with XRT"
#endif
#include <xrt/xrt_bo.h>
#include <xrt/xrt_device.h>
#include <xrt/xrt_kernel.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

// The CPU reference: the very kernel sources the FPGA runs, compiled for the ARM cores.
#include "poly_eval.h"
#include "relu_msb.h"
#include "ring_mask.h"
#include "ring_matmul.h"

using Words = std::vector<uint64_t>;
using Pair = std::array<Words, 2>;
using Clock = std::chrono::steady_clock;

static double micros(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::micro>(b - a).count();
}

// ---------------------------------------------------------------------------------------------
// Engines: the kernels on host vectors, on the CPU or on the FPGA.

struct Engine {
    int party = 0;    // which party the next calls are for (for the timing log)
    std::string step; // label of the next calls (for the timing log)
    virtual ~Engine() = default;
    virtual void round1_send(int n, const Words& x, const Words& mask, Words& planes, Words& masked) = 0;
    virtual void round1_recv(int words, const Words& masked, const Words& theirs, const Words& mask,
                             const Words& share, Words& g) = 0;
    virtual void level_send(int groups, int words, const Words& g, const Words& p, const Words& u,
                            const Words& v, Words& send) = 0;
    virtual void level(int groups, int words, const Words& g, const Words& p, const Words& open,
                       const Words& u, const Words& v, const Words& w, Words& gn, Words& pn) = 0;
    virtual void final_xor(int words, const Words& top, const Words& g, Words& msb) = 0;
    virtual void mask(const Words& x, const Words& a, Words& e) = 0;
    virtual void poly(int n, int f, int64_t a, int64_t b, int64_t c, const Words& x, const Words& e,
                      const Words& s, const Words& ss, Words& y) = 0;
    virtual void matmul(int m, int k, int n, int f, const Words& e, const Words& a, const Words& fo,
                        const Words& b, const Words& c, Words& z) = 0;
};

struct CpuEngine : Engine {
    void round1_send(int n, const Words& x, const Words& mask, Words& planes, Words& masked) override {
        relu_msb_round1_send(n, x.data(), mask.data(), planes.data(), masked.data());
    }
    void round1_recv(int words, const Words& masked, const Words& theirs, const Words& mask, const Words& share,
                     Words& g) override {
        relu_msb_round1_recv(party, words, masked.data(), theirs.data(), mask.data(), share.data(), g.data());
    }
    void level_send(int groups, int words, const Words& g, const Words& p, const Words& u, const Words& v,
                    Words& send) override {
        relu_msb_level_send(groups, words, g.data(), p.data(), u.data(), v.data(), send.data());
    }
    void level(int groups, int words, const Words& g, const Words& p, const Words& open, const Words& u,
               const Words& v, const Words& w, Words& gn, Words& pn) override {
        relu_msb_level(party, groups, words, g.data(), p.data(), open.data(), u.data(), v.data(), w.data(), gn.data(),
                       pn.data());
    }
    void final_xor(int words, const Words& top, const Words& g, Words& msb) override {
        relu_msb_final(words, top.data(), g.data(), msb.data());
    }
    void mask(const Words& x, const Words& a, Words& e) override { ring_mask((int)x.size(), x.data(), a.data(), e.data()); }
    void poly(int n, int f, int64_t a, int64_t b, int64_t c, const Words& x, const Words& e, const Words& s,
              const Words& ss, Words& y) override {
        poly_eval(party, n, f, a, b, c, x.data(), e.data(), s.data(), ss.data(), y.data());
    }
    void matmul(int m, int k, int n, int f, const Words& e, const Words& a, const Words& fo, const Words& b,
                const Words& c, Words& z) override {
        ring_matmul(party, m, k, n, f, e.data(), a.data(), fo.data(), b.data(), c.data(), z.data());
    }
};

// One timed kernel run.
struct Timing {
    int party;
    std::string kernel_step; // "kernel=K;step=S", as it appears in the CSV config
    double us;
};

struct FpgaEngine : Engine {
    xrt::device device;
    xrt::uuid uuid;
    std::map<std::string, xrt::kernel> kernels;
    std::vector<Timing> log;
    double transfer_us = 0;

    explicit FpgaEngine(const std::string& xclbin) : device(0) {
        uuid = device.load_xclbin(xclbin);
        for (const char* name : {"relu_msb_round1_send", "relu_msb_round1_recv", "relu_msb_level_send", "relu_msb_level",
                                 "relu_msb_final", "ring_mask", "poly_eval", "ring_matmul"}) {
            kernels.emplace(name, xrt::kernel(device, uuid, name));
        }
    }

    xrt::kernel& kernel(const char* name) { return kernels.at(name); }

    // A device buffer for argument `arg` of kernel k, filled from v (timed as transfer).
    xrt::bo in(xrt::kernel& k, int arg, const Words& v) {
        xrt::bo bo(device, std::max<size_t>(v.size(), 1) * sizeof(uint64_t), k.group_id(arg));
        Clock::time_point t0 = Clock::now();
        bo.write(v.data());
        bo.sync(XCL_BO_SYNC_BO_TO_DEVICE);
        transfer_us += micros(t0, Clock::now());
        return bo;
    }

    xrt::bo out(xrt::kernel& k, int arg, const Words& v) {
        return xrt::bo(device, std::max<size_t>(v.size(), 1) * sizeof(uint64_t), k.group_id(arg));
    }

    void back(xrt::bo& bo, Words& v) {
        Clock::time_point t0 = Clock::now();
        bo.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
        bo.read(v.data());
        transfer_us += micros(t0, Clock::now());
    }

    // Start to completion of one run; the arguments are already on the device.
    template <typename... A>
    void launch(const char* name, A&&... args) {
        Clock::time_point t0 = Clock::now();
        xrt::run run = kernel(name)(std::forward<A>(args)...);
        run.wait();
        log.push_back(Timing{party, std::string("kernel=") + name + ";step=" + step, micros(t0, Clock::now())});
    }

    void round1_send(int n, const Words& x, const Words& mask, Words& planes, Words& masked) override {
        xrt::kernel& k = kernel("relu_msb_round1_send");
        xrt::bo bx = in(k, 1, x), bm = in(k, 2, mask), bp = out(k, 3, planes), bq = out(k, 4, masked);
        launch("relu_msb_round1_send", n, bx, bm, bp, bq);
        back(bp, planes);
        back(bq, masked);
    }
    void round1_recv(int words, const Words& masked, const Words& theirs, const Words& mask, const Words& share,
                     Words& g) override {
        xrt::kernel& k = kernel("relu_msb_round1_recv");
        xrt::bo b2 = in(k, 2, masked), b3 = in(k, 3, theirs), b4 = in(k, 4, mask), b5 = in(k, 5, share), bg = out(k, 6, g);
        launch("relu_msb_round1_recv", party, words, b2, b3, b4, b5, bg);
        back(bg, g);
    }
    void level_send(int groups, int words, const Words& g, const Words& p, const Words& u, const Words& v,
                    Words& send) override {
        xrt::kernel& k = kernel("relu_msb_level_send");
        xrt::bo bg = in(k, 2, g), bp = in(k, 3, p), bu = in(k, 4, u), bv = in(k, 5, v), bs = out(k, 6, send);
        launch("relu_msb_level_send", groups, words, bg, bp, bu, bv, bs);
        back(bs, send);
    }
    void level(int groups, int words, const Words& g, const Words& p, const Words& open, const Words& u,
               const Words& v, const Words& w, Words& gn, Words& pn) override {
        xrt::kernel& k = kernel("relu_msb_level");
        xrt::bo bg = in(k, 3, g), bp = in(k, 4, p), bo = in(k, 5, open), bu = in(k, 6, u), bv = in(k, 7, v),
                bw = in(k, 8, w), bgn = out(k, 9, gn), bpn = out(k, 10, pn);
        launch("relu_msb_level", party, groups, words, bg, bp, bo, bu, bv, bw, bgn, bpn);
        back(bgn, gn);
        back(bpn, pn);
    }
    void final_xor(int words, const Words& top, const Words& g, Words& msb) override {
        xrt::kernel& k = kernel("relu_msb_final");
        xrt::bo bt = in(k, 1, top), bg = in(k, 2, g), bm = out(k, 3, msb);
        launch("relu_msb_final", words, bt, bg, bm);
        back(bm, msb);
    }
    void mask(const Words& x, const Words& a, Words& e) override {
        xrt::kernel& k = kernel("ring_mask");
        xrt::bo bx = in(k, 1, x), ba = in(k, 2, a), be = out(k, 3, e);
        launch("ring_mask", (int)x.size(), bx, ba, be);
        back(be, e);
    }
    void poly(int n, int f, int64_t a, int64_t b, int64_t c, const Words& x, const Words& e, const Words& s,
              const Words& ss, Words& y) override {
        xrt::kernel& k = kernel("poly_eval");
        xrt::bo bx = in(k, 6, x), be = in(k, 7, e), bs = in(k, 8, s), bss = in(k, 9, ss), by = out(k, 10, y);
        launch("poly_eval", party, n, f, a, b, c, bx, be, bs, bss, by);
        back(by, y);
    }
    void matmul(int m, int k, int n, int f, const Words& e, const Words& a, const Words& fo, const Words& b,
                const Words& c, Words& z) override {
        xrt::kernel& kk = kernel("ring_matmul");
        xrt::bo be = in(kk, 5, e), ba = in(kk, 6, a), bf = in(kk, 7, fo), bb = in(kk, 8, b), bc = in(kk, 9, c),
                bz = out(kk, 10, z);
        launch("ring_matmul", party, m, k, n, f, be, ba, bf, bb, bc, bz);
        back(bz, z);
    }
};

// ---------------------------------------------------------------------------------------------
// Two-party instances with consistent correlations (the dealer's recipes), from a seeded PRNG.

static Words randoms(std::mt19937_64& rng, size_t n) {
    Words r(n);
    for (uint64_t& v : r) v = rng();
    return r;
}

struct ReluCase {
    int n, words;
    Words x;             // plaintext
    Pair share, cross_mask, cross_share;
    std::vector<Pair> u, v, w; // per level
};

static ReluCase make_relu(int n, std::mt19937_64& rng) {
    ReluCase c;
    c.n = n;
    c.words = msb_words(n);
    const size_t lw = (size_t)(MSB_LEAVES * c.words);
    c.x = randoms(rng, (size_t)n);
    c.share[0] = randoms(rng, (size_t)n);
    c.share[1].resize((size_t)n);
    for (int i = 0; i < n; i++) c.share[1][(size_t)i] = c.x[(size_t)i] - c.share[0][(size_t)i];
    // Cross ANDs: party 0's mask u, party 1's mask v, XOR shares of u & v.
    c.cross_mask[0] = randoms(rng, lw);
    c.cross_mask[1] = randoms(rng, lw);
    c.cross_share[0] = randoms(rng, lw);
    c.cross_share[1].resize(lw);
    for (size_t i = 0; i < lw; i++) c.cross_share[1][i] = (c.cross_mask[0][i] & c.cross_mask[1][i]) ^ c.cross_share[0][i];
    // Combine triples: AND a uses v[a], w[a] and u of its combine, (a + 1) / 2.
    for (int groups = MSB_LEAVES; groups > 1; groups = msb_next_groups(groups)) {
        const int cmb = msb_combines(groups), ands = msb_ands(cmb), W = c.words;
        Pair u, v, w;
        for (int p = 0; p < 2; p++) {
            u[p] = randoms(rng, (size_t)(cmb * W));
            v[p] = randoms(rng, (size_t)(ands * W));
        }
        w[0] = randoms(rng, (size_t)(ands * W));
        w[1].resize((size_t)(ands * W));
        for (int a = 0; a < ands; a++) {
            const int uo = ((a + 1) / 2) * W, vo = a * W;
            for (int k = 0; k < W; k++) {
                w[1][(size_t)(vo + k)] = ((u[0][(size_t)(uo + k)] ^ u[1][(size_t)(uo + k)])
                                          & (v[0][(size_t)(vo + k)] ^ v[1][(size_t)(vo + k)])) ^ w[0][(size_t)(vo + k)];
            }
        }
        c.u.push_back(u);
        c.v.push_back(v);
        c.w.push_back(w);
    }
    return c;
}

struct PolyCase {
    int n, f;
    int64_t a, b, c;
    Words x;
    Pair share, s, ss;
};

static PolyCase make_poly(int n, std::mt19937_64& rng) {
    PolyCase c;
    c.n = n;
    c.f = 16;
    c.a = 5898; // 0.09, 0.5, 0.47 at 16 bits, as in the golden vectors
    c.b = 32768;
    c.c = 30802;
    c.x.resize((size_t)n);
    for (uint64_t& v : c.x) v = (uint64_t)((int64_t)rng() >> 44); // |x| < 8
    c.share[0] = randoms(rng, (size_t)n);
    c.share[1].resize((size_t)n);
    c.s[0] = randoms(rng, (size_t)n);
    c.s[1] = randoms(rng, (size_t)n);
    c.ss[0] = randoms(rng, (size_t)n);
    c.ss[1].resize((size_t)n);
    for (size_t i = 0; i < (size_t)n; i++) {
        c.share[1][i] = c.x[i] - c.share[0][i];
        const uint64_t s = c.s[0][i] + c.s[1][i];
        c.ss[1][i] = s * s - c.ss[0][i];
    }
    return c;
}

struct MatmulCase {
    int m, k, n, f;
    Words x, y;
    Pair xs, ys, a, b, c;
};

static Words ring_product(const Words& a, const Words& b, int m, int k, int n) {
    Words c((size_t)(m * n), 0);
    for (int i = 0; i < m; i++)
        for (int t = 0; t < k; t++) {
            const uint64_t av = a[(size_t)(i * k + t)];
            for (int j = 0; j < n; j++) c[(size_t)(i * n + j)] += av * b[(size_t)(t * n + j)];
        }
    return c;
}

static Words add(const Words& a, const Words& b) {
    Words r(a.size());
    for (size_t i = 0; i < a.size(); i++) r[i] = a[i] + b[i];
    return r;
}

static MatmulCase make_matmul(int m, int k, int n, std::mt19937_64& rng) {
    MatmulCase c;
    c.m = m;
    c.k = k;
    c.n = n;
    c.f = 16;
    const size_t mk = (size_t)(m * k), kn = (size_t)(k * n), mn = (size_t)(m * n);
    c.x.resize(mk);
    c.y.resize(kn);
    for (uint64_t& v : c.x) v = (uint64_t)((int64_t)rng() >> 45); // |X| < 4
    for (uint64_t& v : c.y) v = (uint64_t)((int64_t)rng() >> 47); // |Y| < 1
    c.xs[0] = randoms(rng, mk);
    c.ys[0] = randoms(rng, kn);
    c.xs[1].resize(mk);
    c.ys[1].resize(kn);
    for (size_t i = 0; i < mk; i++) c.xs[1][i] = c.x[i] - c.xs[0][i];
    for (size_t i = 0; i < kn; i++) c.ys[1][i] = c.y[i] - c.ys[0][i];
    for (int p = 0; p < 2; p++) {
        c.a[p] = randoms(rng, mk);
        c.b[p] = randoms(rng, kn);
    }
    c.c[0] = randoms(rng, mn);
    c.c[1] = ring_product(add(c.a[0], c.a[1]), add(c.b[0], c.b[1]), m, k, n);
    for (size_t i = 0; i < mn; i++) c.c[1][i] -= c.c[0][i];
    return c;
}

// ---------------------------------------------------------------------------------------------
// The protocols, both parties, messages moved here (the "link").

static Pair run_relu(Engine& e, const ReluCase& c) {
    const int n = c.n, W = c.words;
    const size_t lw = (size_t)(MSB_LEAVES * W);
    // The wire carries n bits a plane: lanes past n arrive as zero.
    auto wire = [&](Words m, int planes) {
        if (n % 64 != 0)
            for (int j = 0; j < planes; j++) m[(size_t)(j * W + W - 1)] &= (1ULL << (n % 64)) - 1;
        return m;
    };
    Pair planes, masked, g, p;
    e.step = "round1";
    for (int q = 0; q < 2; q++) {
        e.party = q;
        planes[q].assign((size_t)(64 * W), 0);
        masked[q].assign(lw, 0);
        e.round1_send(n, c.share[q], c.cross_mask[q], planes[q], masked[q]);
    }
    for (int q = 0; q < 2; q++) {
        e.party = q;
        g[q].assign(lw, 0);
        e.round1_recv(W, masked[q], wire(masked[1 - q], MSB_LEAVES), c.cross_mask[q], c.cross_share[q], g[q]);
        p[q].assign(planes[q].begin(), planes[q].begin() + (long)lw);
    }
    int groups = MSB_LEAVES;
    for (size_t level = 0; level < c.u.size(); level++) {
        const int cmb = msb_combines(groups), ands = msb_ands(cmb), next = msb_next_groups(groups);
        e.step = "level" + std::to_string(level);
        Pair send;
        for (int q = 0; q < 2; q++) {
            e.party = q;
            send[q].assign((size_t)((cmb + ands) * W), 0);
            e.level_send(groups, W, g[q], p[q], c.u[level][q], c.v[level][q], send[q]);
        }
        for (int q = 0; q < 2; q++) {
            e.party = q;
            Words open = wire(send[1 - q], cmb + ands);
            for (size_t i = 0; i < open.size(); i++) open[i] ^= send[q][i];
            Words gn((size_t)(next * W), 0), pn((size_t)(next * W), 0);
            e.level(groups, W, g[q], p[q], open, c.u[level][q], c.v[level][q], c.w[level][q], gn, pn);
            g[q].swap(gn);
            p[q].swap(pn);
        }
        groups = next;
    }
    Pair msb;
    e.step = "final";
    for (int q = 0; q < 2; q++) {
        e.party = q;
        msb[q].assign((size_t)W, 0);
        e.final_xor(W, Words(planes[q].begin() + (long)lw, planes[q].end()), g[q], msb[q]);
    }
    return msb;
}

static Pair run_poly(Engine& e, const PolyCase& c) {
    Pair masked, y;
    e.step = "mask";
    for (int q = 0; q < 2; q++) {
        e.party = q;
        masked[q].assign((size_t)c.n, 0);
        e.mask(c.share[q], c.s[q], masked[q]);
    }
    const Words open = add(masked[0], masked[1]);
    e.step = "eval";
    for (int q = 0; q < 2; q++) {
        e.party = q;
        y[q].assign((size_t)c.n, 0);
        e.poly(c.n, c.f, c.a, c.b, c.c, c.share[q], open, c.s[q], c.ss[q], y[q]);
    }
    return y;
}

static Pair run_matmul(Engine& e, const MatmulCase& c) {
    Pair me, mf, z;
    for (int q = 0; q < 2; q++) {
        e.party = q;
        me[q].assign(c.xs[q].size(), 0);
        mf[q].assign(c.ys[q].size(), 0);
        e.step = "mask_x";
        e.mask(c.xs[q], c.a[q], me[q]);
        e.step = "mask_y";
        e.mask(c.ys[q], c.b[q], mf[q]);
    }
    const Words eo = add(me[0], me[1]), fo = add(mf[0], mf[1]);
    e.step = "product";
    for (int q = 0; q < 2; q++) {
        e.party = q;
        z[q].assign((size_t)(c.m * c.n), 0);
        e.matmul(c.m, c.k, c.n, c.f, eo, c.a[q], fo, c.b[q], c.c[q], z[q]);
    }
    return z;
}

// ---------------------------------------------------------------------------------------------
// Checks of the reconstructed results against plaintext (so the instance itself is right).

static void require(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error(what);
}

static void check_relu(const ReluCase& c, const Pair& msb) {
    for (int i = 0; i < c.n; i++) {
        const uint64_t bit = ((msb[0][(size_t)(i / 64)] ^ msb[1][(size_t)(i / 64)]) >> (i % 64)) & 1;
        require(bit == (c.x[(size_t)i] >> 63), "relu: wrong MSB at element " + std::to_string(i));
    }
}

static void check_poly(const PolyCase& c, const Pair& y) {
    // Plaintext at the same precision; the two local truncations add at most 1 + |a| ulps each way.
    const int64_t tol = 2 + (c.a < 0 ? -c.a : c.a) / (1LL << c.f);
    for (int i = 0; i < c.n; i++) {
        const int64_t x = (int64_t)c.x[(size_t)i];
        const int64_t t = (x * x) >> c.f;
        const int64_t want = (c.a * t + c.b * x + (c.c << c.f)) >> c.f;
        const int64_t got = (int64_t)(y[0][(size_t)i] + y[1][(size_t)i]);
        require(got - want <= tol && want - got <= tol, "poly: result off by more than truncation at element " + std::to_string(i));
    }
}

static void check_matmul(const MatmulCase& c, const Pair& z) {
    const Words exact = ring_product(c.x, c.y, c.m, c.k, c.n);
    for (size_t i = 0; i < exact.size(); i++) {
        const int64_t want = (int64_t)exact[i] >> c.f, got = (int64_t)(z[0][i] + z[1][i]);
        require(got - want <= 1 && want - got <= 1, "matmul: result off by more than 1 ulp at element " + std::to_string(i));
    }
}

// ---------------------------------------------------------------------------------------------
// Timing, CSV.

static double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

struct Row {
    std::string config, metric;
    double value;
    std::string unit;
};

// Runs op `reps` times on the FPGA after one warm-up, checking every run against the CPU result;
// appends the median latencies to rows.
template <typename Run>
static void measure(FpgaEngine& fpga, const std::string& config, int reps, const Pair& want, Run run,
                    std::vector<Row>& rows) {
    std::vector<double> op, party[2], transfer;
    std::map<std::string, std::vector<double>> steps[2];
    for (int r = -1; r < reps; r++) {
        fpga.log.clear();
        fpga.transfer_us = 0;
        const Pair got = run(fpga);
        for (int q = 0; q < 2; q++) require(got[q] == want[q], config + ": party " + std::to_string(q) + "'s FPGA output differs from the CPU kernels");
        if (r < 0) continue; // warm-up
        double sum[2] = {0, 0};
        std::map<std::string, double> step_sum[2];
        for (const Timing& t : fpga.log) {
            sum[t.party] += t.us;
            step_sum[t.party][t.kernel_step] += t.us;
        }
        op.push_back(std::max(sum[0], sum[1]));
        for (int q = 0; q < 2; q++) {
            party[q].push_back(sum[q]);
            for (const auto& s : step_sum[q]) steps[q][s.first].push_back(s.second);
        }
        transfer.push_back(fpga.transfer_us);
    }
    rows.push_back(Row{config, "latency", median(op), "us"});
    for (int q = 0; q < 2; q++) {
        const std::string pc = config + ";party=" + std::to_string(q);
        rows.push_back(Row{pc, "latency", median(party[q]), "us"});
        for (const auto& s : steps[q]) rows.push_back(Row{pc + ";" + s.first, "latency", median(s.second), "us"});
    }
    rows.push_back(Row{config, "transfer", median(transfer), "us"});
    std::printf("%s: latency %.1f us (median of %d), FPGA outputs equal the CPU kernels\n", config.c_str(), median(op), reps);
}

static void write_csv(const std::string& path, const std::vector<Row>& rows) {
    const std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f) throw std::runtime_error(tmp + ": cannot write");
    std::fprintf(f, "experiment,config,metric,value,unit\n");
    for (const Row& r : rows) std::fprintf(f, "board,%s,%s,%.3f,%s\n", r.config.c_str(), r.metric.c_str(), r.value, r.unit.c_str());
    if (std::fclose(f) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error(path + ": cannot write");
}

static int usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s XCLBIN [--out FILE] [--n N] [--matmul MxKxN] [--reps R] [--hw NAME]\n"
                 "  runs relu (MSB carry tree), poly and matmul on the FPGA for both parties, checks them\n"
                 "  against the same kernels on the CPU, writes median latencies as tidy CSV\n"
                 "  (defaults: --out board-zcu104.csv --n 65536 --matmul 256x256x256 --reps 10 --hw zcu104)\n",
                 argv0);
    return 2;
}

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]).rfind("--", 0) == 0) return usage(argv[0]);
    std::string xclbin = argv[1], out = "board-zcu104.csv", hw = "zcu104";
    int n = 65536, m = 256, k = 256, nn = 256, reps = 10;
    for (int i = 2; i < argc; i++) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage(argv[0]);
        const char* v = argv[++i];
        if (a == "--out") out = v;
        else if (a == "--hw") hw = v;
        else if (a == "--n") n = std::atoi(v);
        else if (a == "--reps") reps = std::atoi(v);
        else if (a == "--matmul") {
            if (std::sscanf(v, "%dx%dx%d", &m, &k, &nn) != 3) return usage(argv[0]);
        } else return usage(argv[0]);
    }
    if (n < 1 || reps < 1 || m < 1 || k < 1 || nn < 1) return usage(argv[0]);

    try {
        std::mt19937_64 rng(20240611);
        CpuEngine cpu;
        FpgaEngine fpga(xclbin);
        std::vector<Row> rows;

        const ReluCase rc = make_relu(n, rng);
        const Pair relu_want = run_relu(cpu, rc);
        check_relu(rc, relu_want);
        measure(fpga, "op=relu;n=" + std::to_string(n) + ";hw=" + hw, reps, relu_want,
                [&](Engine& e) { return run_relu(e, rc); }, rows);

        const PolyCase pc = make_poly(n, rng);
        const Pair poly_want = run_poly(cpu, pc);
        check_poly(pc, poly_want);
        measure(fpga, "op=poly;n=" + std::to_string(n) + ";hw=" + hw, reps, poly_want,
                [&](Engine& e) { return run_poly(e, pc); }, rows);

        const MatmulCase mc = make_matmul(m, k, nn, rng);
        const Pair mm_want = run_matmul(cpu, mc);
        check_matmul(mc, mm_want);
        measure(fpga, "op=matmul;m=" + std::to_string(m) + ";k=" + std::to_string(k) + ";n=" + std::to_string(nn) + ";hw=" + hw,
                reps, mm_want, [&](Engine& e) { return run_matmul(e, mc); }, rows);

        write_csv(out, rows);
        std::printf("wrote %zu rows to %s\n", rows.size(), out.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "polympc_hls_host: %s\n", e.what());
        return 1;
    }
}
