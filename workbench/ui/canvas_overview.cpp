// The diagram zoomed out to an overview: sector titles and stock names only (a highlighted loop: its
// variables' names), legible and never over one another (canvas.hpp). Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>

#include "workbench/app/format.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using Kind = model::ViewObject::Kind;

namespace {

// The type size of a sector's title `width` pixels wide: `size`, or smaller (never under kMinReadablePx)
// until its longest word fits; the title then wraps between words.
float sectorTitleSize(ImFont* font, float size, const std::string& text, float width) {
    float widest = 0;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find(' ', start), text.size());
        widest =
            std::max(widest, font->CalcTextSizeA(size, 1e9f, 0, text.c_str() + start, text.c_str() + end).x);
        start = end + 1;
    }
    return widest > width && widest > 0 ? std::max(kMinReadablePx, size * width / widest) : size;
}

}  // namespace

bool overview(const CanvasState& cs) {
    return labelPlan(cs.zoom, ImGui::GetFontSize()).names == 0;
}

std::vector<OverviewLabel> overviewLabels(const Workbench& wb, const CanvasState& cs, ImVec2 area) {
    std::vector<OverviewLabel> out;
    const ImVec4 canvas(cs.origin.x, cs.origin.y, cs.origin.x + area.x, cs.origin.y + area.y);
    const auto fits = [&](const ImVec4& r) {
        if (r.x < canvas.x || r.y < canvas.y || r.z > canvas.z || r.w > canvas.w) return false;
        return std::none_of(out.begin(), out.end(), [&](const OverviewLabel& l) {
            return r.x < l.rect.z && l.rect.x < r.z && r.y < l.rect.w && l.rect.y < r.w;
        });
    };
    const float fs = ImGui::GetFontSize();
    const auto& objects = wb.session().doc().view().objects;
    const LoopFocus focus(wb);
    // Passes: the highlighted loop's variables, the sector titles, the stocks (with no loop highlighted).
    enum class Pass { Loop, Sectors, Stocks };
    for (const Pass pass : {Pass::Loop, Pass::Sectors, Pass::Stocks}) {
        if ((pass == Pass::Loop && !focus.active()) || (pass == Pass::Stocks && focus.active())) continue;
        const bool sector = pass == Pass::Sectors;
        ImFont* font = theme::fonts().bold ? theme::fonts().bold : ImGui::GetFont();
        const float size = sector ? fs : labelPlan(cs.zoom, fs).stockNames;
        for (const auto& o : objects) {
            const bool variable = o.kind == Kind::Stock || o.kind == Kind::Aux || o.kind == Kind::Flow;
            if (pass == Pass::Loop ? !variable || !focus.keeps(o.name)
                                   : o.kind != (sector ? Kind::Group : Kind::Stock))
                continue;
            const std::string text = sector ? o.name : app::displayName(o.name);
            float textSize = size;
            ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, text.c_str());
            ImVec2 at;
            if (sector) {  // its top-left corner, inside it, wrapped to its width (a title wider than its
                           // sector ran over the next sector's title, and one of the two was left out)
                at = cs.toScreen(o.x - o.width.value_or(0) / 2, o.y - o.height.value_or(0) / 2);
                at = ImVec2(at.x + 4, at.y + 3);
                const float width = static_cast<float>(o.width.value_or(0)) * cs.zoom - 12;
                textSize = sectorTitleSize(font, size, text, width);
                ts = font->CalcTextSizeA(textSize, 1e9f, std::max(width, 1.0f), text.c_str());
            } else {  // centred under the symbol
                const double below = o.kind == Kind::Stock ? o.height.value_or(35) / 2 : app::kAuxRadius;
                const ImVec2 c = cs.toScreen(o.x, o.y + below);
                at = ImVec2(c.x - ts.x / 2, c.y + 2);
            }
            const ImVec4 r(at.x - 2, at.y - 1, at.x + ts.x + 2, at.y + ts.y + 1);
            if (fits(r)) out.push_back({text, r, textSize, sector, sector && focus.active()});
        }
    }
    return out;
}

void drawOverview(ImDrawList* dl, const std::vector<OverviewLabel>& labels) {
    const auto& pal = theme::palette();
    ImFont* font = theme::fonts().bold ? theme::fonts().bold : ImGui::GetFont();
    for (const auto& l : labels) {
        const int first = dl->VtxBuffer.Size;
        dl->AddRectFilled(ImVec2(l.rect.x, l.rect.y), ImVec2(l.rect.z, l.rect.w),
                          l.sector ? IM_COL32(243, 241, 234, 240) : IM_COL32(255, 255, 255, 225), 3);
        dl->AddText(font, l.size, ImVec2(l.rect.x + 2, l.rect.y + 1),
                    l.sector ? pal.groupText : pal.stockBorder, l.text.c_str(), nullptr,
                    l.sector ? l.rect.z - l.rect.x - 4 + 0.5f : 0.0f);
        if (l.faded) fadeSince(dl, first);
    }
}

}  // namespace sdw::ui
