// Loops found again in the optimised C (reroll.hpp): statements reduced to a shape (the text with every R[n]
// and S[n] index taken out) and their indices; a block repeats when the shapes match and each index moves by
// the same stride from one copy to the next. Layer: solver (jit internals).
#include "solver/jit/reroll.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_map>

namespace sdw::jit::detail {
namespace {

constexpr char kHole = '\x01';  // where an index was taken out of the shape

struct Parsed {
    int shape = 0;            // equal numbers: equal text but for the indices
    std::vector<long> index;  // R[n] and S[n] in order of appearance
    std::vector<char> array;  // 'R' or 'S', by index
    std::string text;         // the shape's text
};

bool identChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

Parsed parse(const std::string& s, std::unordered_map<std::string, int>& shapes) {
    Parsed p;
    for (size_t i = 0; i < s.size(); ++i) {
        p.text += s[i];
        const bool array = (s[i] == 'R' || s[i] == 'S') && i + 1 < s.size() && s[i + 1] == '[' &&
                           (i == 0 || !identChar(s[i - 1]));
        if (!array) continue;
        size_t j = i + 2;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j == i + 2 || j >= s.size() || s[j] != ']' || j - i - 2 > 12) continue;
        p.index.push_back(std::strtol(s.c_str() + i + 2, nullptr, 10));
        p.array.push_back(s[i]);
        p.text += '[';
        p.text += kHole;
        p.text += ']';
        i = j;
    }
    p.shape = shapes.emplace(p.text, static_cast<int>(shapes.size())).first->second;
    return p;
}

// Copy `rep` of the block of `size` statements at `from` matches copy 0 moved by `rep` strides.
bool matches(const std::vector<Parsed>& st, size_t from, size_t size, size_t rep,
             const std::vector<std::vector<long>>& stride) {
    for (size_t j = 0; j < size; ++j) {
        const Parsed &a = st[from + j], &b = st[from + rep * size + j];
        if (a.shape != b.shape) return false;
        for (size_t m = 0; m < a.index.size(); ++m)
            if (b.index[m] != a.index[m] + static_cast<long>(rep) * stride[j][m]) return false;
    }
    return true;
}

struct Run {
    size_t block = 0, repeats = 0;
};

// The longest run of repeated blocks starting at `from` (repeats 0: none worth a loop).
static_assert(kMinRepeats >= 3, "findRun reads a third copy of every block it tries");
Run findRun(const std::vector<Parsed>& st, size_t from) {
    Run best;
    const size_t left = st.size() - from;
    for (size_t size = 1; size <= kMaxBlock && size * kMinRepeats <= left; ++size) {
        if (st[from + size].shape != st[from].shape) continue;
        // The strides from copy 0 to copy 1, checked on copy 2 at once (most sizes fail on their first
        // statement, so a long program of alike statements that do not repeat costs little).
        std::vector<std::vector<long>> stride(size);
        bool ok = true;
        for (size_t j = 0; j < size && ok; ++j) {
            const Parsed &a = st[from + j], &b = st[from + size + j], &c = st[from + 2 * size + j];
            ok = a.shape == b.shape && b.shape == c.shape && a.index.size() == b.index.size();
            for (size_t m = 0; ok && m < a.index.size(); ++m) {
                stride[j].push_back(b.index[m] - a.index[m]);
                ok = c.index[m] == b.index[m] + stride[j][m];
            }
        }
        if (!ok) continue;
        size_t repeats = 3;
        while ((repeats + 1) * size <= left && matches(st, from, size, repeats, stride)) ++repeats;
        if (repeats >= kMinRepeats && size * repeats > best.block * best.repeats) best = {size, repeats};
    }
    return best;
}

std::string indexExpr(long base, long stride) {
    std::string e = std::to_string(base);
    if (stride == 0) return e;
    e.append(stride < 0 ? " - " : " + ");
    e.append(std::to_string(std::labs(stride)));
    e.append(" * i_");
    return e;
}

// Statement j of the block writes a slot of its own each copy (S[base + stride * i_]) that nothing reads but
// the statements after it in the same copy, and `temporary` says nothing outside the program reads it: it
// can live in a local of the loop's body. Counts: how often each S index appears in all the statements.
bool local(const std::vector<Parsed>& st, size_t from, const Run& run, size_t j,
           const std::unordered_map<long, size_t>& counts, const std::function<bool(long)>& temporary) {
    const Parsed &a = st[from + j], &b = st[from + run.block + j];
    if (!temporary || a.index.empty() || a.array[0] != 'S' || a.text.rfind("    S[\x01] = ", 0) != 0)
        return false;
    const long base = a.index[0], stride = b.index[0] - a.index[0];
    if (stride == 0) return false;
    size_t uses = 0;  // in copy 0 of the block: the write, then reads after it only
    for (size_t k = 0; k < run.block; ++k) {
        const Parsed &x = st[from + k], &y = st[from + run.block + k];
        for (size_t m = 0; m < x.index.size(); ++m)
            if (x.array[m] == 'S' && x.index[m] == base && y.index[m] - x.index[m] == stride) {
                if (k < j || (k == j && m > 0)) return false;  // read before it is written
                ++uses;
            }
    }
    for (size_t r = 0; r < run.repeats; ++r) {
        const long slot = base + stride * static_cast<long>(r);
        const auto it = counts.find(slot);
        if (!temporary(slot) || it == counts.end() || it->second != uses) return false;  // read elsewhere
    }
    return true;
}

std::string loop(const std::vector<Parsed>& st, size_t from, const Run& run,
                 const std::unordered_map<long, size_t>& counts, const std::function<bool(long)>& temporary) {
    std::string out = "    for (long i_ = 0; i_ < " + std::to_string(run.repeats) + "; ++i_) {\n";
    std::vector<std::pair<long, long>> locals;  // (base, stride) of the slots kept in locals t<n>_
    for (size_t j = 0; j < run.block; ++j)
        if (local(st, from, run, j, counts, temporary)) {
            locals.push_back(
                {st[from + j].index[0], st[from + run.block + j].index[0] - st[from + j].index[0]});
            out += "    double t" + std::to_string(locals.size() - 1) + "_;\n";
        }
    for (size_t j = 0; j < run.block; ++j) {
        const Parsed &a = st[from + j], &b = st[from + run.block + j];
        size_t m = 0;
        bool local = false;  // the hole just written was a local's: drop its "]"
        for (char c : a.text) {
            if (c != kHole) {
                if (!(local && c == ']')) out += c;
                local = false;
                continue;
            }
            const long stride = b.index[m] - a.index[m];
            const auto it = std::find(locals.begin(), locals.end(), std::make_pair(a.index[m], stride));
            if (a.array[m] == 'S' && it != locals.end()) {
                out.resize(out.size() - 2);  // the "S[" before the hole
                out += "t" + std::to_string(it - locals.begin()) + "_";
                local = true;
                ++m;
                continue;
            }
            out += indexExpr(a.index[m], stride);
            ++m;
        }
    }
    return out + "    }\n";
}

}  // namespace

std::vector<std::string> reroll(const std::vector<std::string>& statements,
                                const std::function<bool(long)>& temporary) {
    std::unordered_map<std::string, int> shapes;
    std::vector<Parsed> st;
    st.reserve(statements.size());
    for (const auto& s : statements) st.push_back(parse(s, shapes));
    std::unordered_map<long, size_t> counts;
    if (temporary)
        for (const Parsed& p : st)
            for (size_t m = 0; m < p.index.size(); ++m)
                if (p.array[m] == 'S') ++counts[p.index[m]];
    std::vector<std::string> out;
    for (size_t i = 0; i < st.size();) {
        const Run run = findRun(st, i);
        if (run.repeats == 0) {
            out.push_back(statements[i++]);
            continue;
        }
        out.push_back(loop(st, i, run, counts, temporary));
        i += run.block * run.repeats;
    }
    return out;
}

}  // namespace sdw::jit::detail
