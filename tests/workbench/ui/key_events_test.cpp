// Key events handed to ImGui a frame at a time: every key pressed is seen down for at least one frame, in
// the order pressed, however many events arrive between two frames. Layer: tests/workbench/ui.
#include "workbench/ui/key_events.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using sdw::ui::KeyEvents;

namespace {

struct Log {
    std::vector<std::string> frames{""};  // what each frame's delivery handed on: "+A" pressed, "-A" released
    void forward(int key, int, int action, int) {
        frames.back() += (action == KeyEvents::kRelease ? "-" : action == KeyEvents::kPress ? "+" : "~");
        frames.back() += static_cast<char>(key);
    }
};

std::vector<std::string> framesFor(const std::vector<std::pair<int, int>>& events) {
    Log log;
    KeyEvents keys([&log](int k, int s, int a, int m) { log.forward(k, s, a, m); });
    for (auto [key, action] : events) keys.key(key, 0, action, 0);
    for (int i = 0; i < 5 && keys.pending(); ++i) {
        keys.deliver();
        log.frames.push_back("");
    }
    log.frames.pop_back();
    return log.frames;
}

constexpr int P = KeyEvents::kPress, R = KeyEvents::kRelease, Rp = KeyEvents::kRepeat;

}  // namespace

TEST_CASE("key events: a tap between two frames is down for one frame and up the next", "[workbench][keys]") {
    CHECK(framesFor({{'E', P}, {'E', R}}) == std::vector<std::string>{"+E", "-E"});
}

TEST_CASE("key events: held keys and other keys' releases go through in the same frame",
          "[workbench][keys]") {
    // Ctrl held from an earlier frame, A tapped: Ctrl+A is seen together, then both come up.
    CHECK(framesFor({{'C', P}, {'A', P}, {'A', R}, {'C', R}}) == std::vector<std::string>{"+C+A", "-A-C"});
    // Released keys pressed in an earlier batch need no wait; repeats pass.
    CHECK(framesFor({{'X', R}, {'Y', P}, {'Y', Rp}}) == std::vector<std::string>{"-X+Y~Y"});
}

TEST_CASE("key events: two taps in one batch are two presses, in order", "[workbench][keys]") {
    CHECK(framesFor({{'A', P}, {'A', R}, {'B', P}, {'B', R}}) ==
          std::vector<std::string>{"+A", "-A+B", "-B"});
    CHECK(framesFor({{'A', P}, {'A', R}, {'A', P}, {'A', R}}) ==
          std::vector<std::string>{"+A", "-A+A", "-A"});
}
