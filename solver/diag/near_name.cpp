// Near-miss names for "did you mean" hints. Layer: solver (diag). Standard library only.
#include "solver/diag/near_name.hpp"

#include <algorithm>
#include <cctype>

namespace sdw::diag {

size_t editDistance(const std::string& a, const std::string& b) {
    const auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    };
    std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            cur[j] =
                std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        prev = cur;
    }
    return prev[b.size()];
}

int nearestIndex(const std::string& word, const std::vector<std::string>& candidates) {
    int best = -1;
    size_t bestDistance = std::max<size_t>(1, word.size() / 3) + 1;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const size_t d = editDistance(word, candidates[k]);
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(k);
        }
    }
    return best;
}

std::string nearestName(const std::string& word, const std::vector<std::string>& candidates) {
    const int k = nearestIndex(word, candidates);
    return k < 0 ? std::string() : candidates[static_cast<size_t>(k)];
}

}  // namespace sdw::diag
