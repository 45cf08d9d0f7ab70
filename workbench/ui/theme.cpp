// Fonts and colours of the workbench. Layer: workbench/ui (ImGui). No Lua.
#include "workbench/ui/theme.hpp"

#include <filesystem>

namespace sdw::ui::theme {

namespace {
constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr float kBaseSize = 15.0f;

ImU32 rgb(int r, int g, int b, int a = 255) {
    return IM_COL32(r, g, b, a);
}
ImVec4 col(int r, int g, int b, float a = 1.0f) {
    return ImVec4(r / 255.f, g / 255.f, b / 255.f, a);
}

ImFont* loadFont(const char* path, float size) {
    ImGuiIO& io = ImGui::GetIO();
    if (std::filesystem::exists(path)) return io.Fonts->AddFontFromFileTTF(path, size);
    ImFontConfig cfg;
    cfg.SizePixels = size;
    return io.Fonts->AddFontDefault(&cfg);
}
}  // namespace

const Palette& palette() {
    static const Palette p{
        rgb(250, 250, 247), rgb(234, 234, 228),      rgb(243, 241, 234, 255), rgb(214, 209, 196),
        rgb(140, 132, 112), rgb(232, 240, 250),      rgb(52, 101, 164),       rgb(120, 167, 222, 200),
        rgb(38, 139, 128),  rgb(38, 139, 128),       rgb(22, 96, 88),         rgb(253, 243, 224),
        rgb(201, 137, 30),  rgb(150, 116, 160, 150), rgb(40, 44, 52),         rgb(120, 124, 132),
        rgb(230, 120, 30),  rgb(70, 130, 220, 60),   rgb(160, 170, 185),      rgb(150, 150, 150),
        rgb(200, 50, 50),   rgb(25, 25, 40)};
    return p;
}

ImU32 seriesColor(int i) {
    static const ImU32 kColors[] = {rgb(31, 119, 180),  rgb(230, 120, 30),  rgb(44, 160, 44),
                                    rgb(200, 50, 60),   rgb(148, 103, 189), rgb(140, 86, 75),
                                    rgb(227, 119, 194), rgb(90, 90, 90)};
    return kColors[static_cast<unsigned>(i) % 8];
}

Fonts& fonts() {
    static Fonts f;
    return f;
}

void apply(float scale) {
    if (scale < 0.5f || scale > 4.0f) scale = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts& f = fonts();
    f.regular = loadFont(kFontPath, kBaseSize * scale);
    f.bold = std::filesystem::exists(kBoldPath) ? loadFont(kBoldPath, kBaseSize * scale) : f.regular;
    f.large = loadFont(kFontPath, 26.0f * scale);
    f.largeBold = std::filesystem::exists(kBoldPath) ? loadFont(kBoldPath, 26.0f * scale) : f.large;
    f.small = loadFont(kFontPath, 12.0f * scale);
    io.FontDefault = f.regular;

    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 4;
    s.FrameRounding = 4;
    s.PopupRounding = 4;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.ScrollbarRounding = 6;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = 0;
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 12;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = col(36, 40, 48);
    c[ImGuiCol_TextDisabled] = col(130, 134, 142);
    c[ImGuiCol_WindowBg] = col(246, 246, 243);
    c[ImGuiCol_ChildBg] = col(255, 255, 255, 0);
    c[ImGuiCol_PopupBg] = col(255, 255, 255, 0.98f);
    c[ImGuiCol_Border] = col(214, 214, 208);
    c[ImGuiCol_FrameBg] = col(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = col(236, 243, 252);
    c[ImGuiCol_FrameBgActive] = col(222, 235, 250);
    c[ImGuiCol_TitleBg] = col(236, 236, 231);
    c[ImGuiCol_TitleBgActive] = col(228, 230, 226);
    c[ImGuiCol_MenuBarBg] = col(236, 236, 231);
    c[ImGuiCol_Button] = col(232, 234, 230);
    c[ImGuiCol_ButtonHovered] = col(214, 228, 246);
    c[ImGuiCol_ButtonActive] = col(188, 212, 242);
    c[ImGuiCol_Header] = col(222, 233, 248);
    c[ImGuiCol_HeaderHovered] = col(208, 224, 246);
    c[ImGuiCol_HeaderActive] = col(190, 212, 242);
    c[ImGuiCol_SliderGrab] = col(52, 101, 164);
    c[ImGuiCol_SliderGrabActive] = col(36, 80, 140);
    c[ImGuiCol_CheckMark] = col(52, 101, 164);
    c[ImGuiCol_Tab] = col(230, 231, 226);
    c[ImGuiCol_TabHovered] = col(214, 228, 246);
    c[ImGuiCol_TabActive] = col(255, 255, 255);
    c[ImGuiCol_TabUnfocusedActive] = col(255, 255, 255);
    c[ImGuiCol_Separator] = col(214, 214, 208);
    c[ImGuiCol_TableHeaderBg] = col(236, 237, 233);
    c[ImGuiCol_TableRowBgAlt] = col(248, 248, 245);
    s.ScaleAllSizes(scale);
}

}  // namespace sdw::ui::theme
