// Key events a frame at a time (see key_events.hpp). Layer: workbench/ui. No GLFW header, no Lua.
#include "workbench/ui/key_events.hpp"

#include <set>

namespace sdw::ui {

void KeyEvents::deliver() {
    std::set<int> pressed;  // keys that went down in this batch
    while (!m_queue.empty()) {
        const Event e = m_queue.front();
        if (e.action == kRelease && pressed.count(e.key)) return;  // the frame must see it down first
        if (e.action == kPress) pressed.insert(e.key);
        m_queue.pop_front();
        m_forward(e.key, e.scancode, e.action, e.mods);
    }
}

}  // namespace sdw::ui
