// C simulation of the ReLU adder engine against the Java protocol (Msb.java): runs every kernel
// of relu_msb.h for party 0 and party 1 on the golden inputs and correlations, moves each message
// between them as the Java channel does, and requires both parties' MSB shares to equal the Java
// parties' shares bit for bit (padding lanes included), and their XOR to be the MSB.
#include <cstdio>

#include "golden.h"
#include "relu_msb.h"

// What the receiver gets of a message of bit planes: the Java channels carry n bits a plane, so
// lanes >= n arrive as zero (MemoryChannel clears them, TcpChannel never sends them).
static Words wire(const Words& sent, int planes, int words, int n) {
    Words r(sent);
    const int rem = n & 63;
    if (rem != 0) {
        for (int j = 0; j < planes; j++) r[(size_t)(j * words + words - 1)] &= (1ULL << rem) - 1;
    }
    return r;
}

static void require(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("golden file disagrees with the kernel's constants: ") + what);
}

static int run(const Golden& g) {
    const int n = (int)g.param("n"), words = msb_words(n);
    require(g.param("words") == words, "words");
    require(g.param("leaves") == MSB_LEAVES, "leaves");
    require(g.param("levels") == MSB_LEVELS, "levels");

    // Each party's state between rounds.
    struct State { Words planes, masked, gen, prop; } st[2];

    // Round 1, send half: slice and mask.
    for (int p = 0; p < 2; p++) {
        const Words& x = g.party("x", p, (size_t)n);
        const Words& mask = g.party("cross.mask", p, (size_t)(MSB_LEAVES * words));
        st[p].planes.assign((size_t)(64 * words), 0);
        st[p].masked.assign((size_t)(MSB_LEAVES * words), 0);
        relu_msb_round1_send(n, x.data(), mask.data(), st[p].planes.data(), st[p].masked.data());
    }
    // Round 1, receive half: each party gets the other's masked bits.
    for (int p = 0; p < 2; p++) {
        const Words theirs = wire(st[1 - p].masked, MSB_LEAVES, words, n);
        const Words& mask = g.party("cross.mask", p, (size_t)(MSB_LEAVES * words));
        const Words& share = g.party("cross.share", p, (size_t)(MSB_LEAVES * words));
        st[p].gen.assign((size_t)(MSB_LEAVES * words), 0);
        relu_msb_round1_recv(p, words, st[p].masked.data(), theirs.data(), mask.data(), share.data(), st[p].gen.data());
        st[p].prop.assign(st[p].planes.begin(), st[p].planes.begin() + MSB_LEAVES * words);
    }

    // Rounds 2..7: the carry tree, one level a round.
    int groups = MSB_LEAVES;
    for (int level = 0; level < MSB_LEVELS; level++) {
        const int cmb = msb_combines(groups), ands = msb_ands(cmb), next = msb_next_groups(groups);
        const std::string name = "level" + std::to_string(level);
        require(g.param(name + ".combines") == cmb, "combines per level");
        Words send[2];
        for (int p = 0; p < 2; p++) {
            const Words& u = g.party(name + ".u", p, (size_t)(cmb * words));
            const Words& v = g.party(name + ".v", p, (size_t)(ands * words));
            send[p].assign((size_t)((cmb + ands) * words), 0);
            relu_msb_level_send(groups, words, st[p].gen.data(), st[p].prop.data(), u.data(), v.data(), send[p].data());
        }
        for (int p = 0; p < 2; p++) {
            // Opened d and e: what I sent XOR what I received (Msb.finish: open[i] ^= send[i]).
            Words open = wire(send[1 - p], cmb + ands, words, n);
            for (size_t i = 0; i < open.size(); i++) open[i] ^= send[p][i];
            const Words& u = g.party(name + ".u", p, (size_t)(cmb * words));
            const Words& v = g.party(name + ".v", p, (size_t)(ands * words));
            const Words& w = g.party(name + ".w", p, (size_t)(ands * words));
            Words gn((size_t)(next * words), 0), pn((size_t)(next * words), 0);
            relu_msb_level(p, groups, words, st[p].gen.data(), st[p].prop.data(), open.data(), u.data(), v.data(),
                           w.data(), gn.data(), pn.data());
            st[p].gen.swap(gn);
            st[p].prop.swap(pn);
        }
        groups = next;
    }
    if (groups != 1) throw std::runtime_error("carry tree did not reduce to one group");

    // Final XOR, and the comparison with the Java parties.
    size_t bad = 0;
    Words msb[2];
    for (int p = 0; p < 2; p++) {
        msb[p].assign((size_t)words, 0);
        relu_msb_final(words, st[p].planes.data() + MSB_LEAVES * words, st[p].gen.data(), msb[p].data());
        bad += mismatches(p == 0 ? "msb share of party 0" : "msb share of party 1", g.party("msb", p, (size_t)words), msb[p]);
    }
    Words both((size_t)words);
    for (int k = 0; k < words; k++) both[(size_t)k] = msb[0][(size_t)k] ^ msb[1][(size_t)k];
    both = wire(both, 1, words, n);
    const Words& want = g.section("msb", (size_t)words);
    int right = 0;
    for (int t = 0; t < n; t++) right += ((both[(size_t)(t / 64)] ^ want[(size_t)(t / 64)]) >> (t % 64) & 1) == 0;
    bad += (size_t)(n - right);

    std::printf("relu_msb: n=%d (%d words), %d leaves, %d levels, %d word lanes, II=%d: "
                "both parties' shares %s the Java parties', %d/%d MSBs right: %s\n",
                n, words, MSB_LEAVES, MSB_LEVELS, RELU_WORD_LANES, RELU_II, bad == 0 ? "equal" : "DIFFER from",
                right, n, bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}

int main(int argc, char** argv) { return run_testbench("relu_msb", argc, argv, run); }
