// Reader of the golden-vector files that org.polympcnet.perfmodel.hls.GoldenVectors writes from
// the Java protocols (format: see GoldenFile.java): '#' comments, "param NAME VALUE" (signed
// decimal), and "section NAME COUNT" followed by COUNT lines of 16 hex digits. Plus the checks
// the testbenches share. Testbench code, not synthesised.
#ifndef POLYMPC_GOLDEN_H
#define POLYMPC_GOLDEN_H

#include <stdint.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

typedef std::vector<uint64_t> Words;

class Golden {
public:
    explicit Golden(const std::string& path) : path_(path) {
        std::ifstream in(path.c_str());
        if (!in) throw std::runtime_error(path + ": cannot open (golden vectors are committed in hls/golden/)");
        std::string line;
        int lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            if (line.empty() || line[0] == '#') continue;
            std::istringstream fields(line);
            std::string kind, name;
            fields >> kind >> name;
            if (kind == "param") {
                long long v;
                if (!(fields >> v)) fail(lineno, "param " + name + " has no integer value");
                params_[name] = v;
            } else if (kind == "section") {
                long long count;
                if (!(fields >> count) || count < 0) fail(lineno, "section " + name + " has no count");
                Words& w = sections_[name];
                w.reserve((size_t)count);
                for (long long i = 0; i < count; i++) {
                    if (!std::getline(in, line)) fail(lineno, "section " + name + " ends early");
                    ++lineno;
                    if (line.size() != 16) fail(lineno, "expected 16 hex digits, got '" + line + "'");
                    char* end = 0;
                    uint64_t v = std::strtoull(line.c_str(), &end, 16);
                    if (*end != '\0') fail(lineno, "not hex: '" + line + "'");
                    w.push_back(v);
                }
            } else {
                fail(lineno, "unknown line '" + line + "'");
            }
        }
    }

    long long param(const std::string& name) const {
        std::map<std::string, long long>::const_iterator it = params_.find(name);
        if (it == params_.end()) throw std::runtime_error(path_ + ": no param " + name);
        return it->second;
    }

    // A section, which must hold exactly `count` words.
    const Words& section(const std::string& name, size_t count) const {
        std::map<std::string, Words>::const_iterator it = sections_.find(name);
        if (it == sections_.end()) throw std::runtime_error(path_ + ": no section " + name);
        if (it->second.size() != count) {
            std::ostringstream msg;
            msg << path_ << ": section " << name << " has " << it->second.size() << " words, want " << count;
            throw std::runtime_error(msg.str());
        }
        return it->second;
    }

    // Section NAME.P of party P.
    const Words& party(const std::string& name, int p, size_t count) const {
        return section(name + "." + (p == 0 ? "0" : "1"), count);
    }

private:
    void fail(int lineno, const std::string& what) const {
        std::ostringstream msg;
        msg << path_ << ":" << lineno << ": " << what;
        throw std::runtime_error(msg.str());
    }

    std::string path_;
    std::map<std::string, long long> params_;
    std::map<std::string, Words> sections_;
};

// Counts the words where got differs from want, printing the first few: "what[i]: want .. got ..".
static inline size_t mismatches(const char* what, const Words& want, const Words& got) {
    if (want.size() != got.size()) {
        std::printf("  %s: length %zu, want %zu\n", what, got.size(), want.size());
        return want.size() > got.size() ? want.size() : got.size();
    }
    size_t bad = 0;
    for (size_t i = 0; i < want.size(); i++) {
        if (want[i] != got[i]) {
            if (bad < 5) {
                std::printf("  %s[%zu]: want %016llx got %016llx\n", what, i,
                            (unsigned long long)want[i], (unsigned long long)got[i]);
            }
            bad++;
        }
    }
    return bad;
}

// Runs a testbench body, turning a malformed golden file into exit code 2 (mismatches give 1).
template <typename F>
int run_testbench(const char* kernel, int argc, char** argv, F body) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s GOLDEN_FILE\n", argv[0]);
        return 2;
    }
    try {
        return body(Golden(argv[1]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", kernel, e.what());
        return 2;
    }
}

#endif
