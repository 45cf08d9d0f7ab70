// The one list of the workbench's panels. A slot holding several shows them as tabs in this order. To add a
// panel: a class deriving from Panel (panels/panel.hpp) that owns its state, and a line here.
// Layer: workbench/ui (ImGui). No Lua.
#include "workbench/ui/panels/registry.hpp"

#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/business_case_panel.hpp"
#include "workbench/ui/panels/calibration_panel.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/loops_panel.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"
#include "workbench/ui/panels/properties_panel.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"

namespace sdw::ui {

std::vector<std::unique_ptr<Panel>> registeredPanels() {
    std::vector<std::unique_ptr<Panel>> p;
    p.push_back(std::make_unique<ToolbarPanel>());
#if defined(SDW_HAVE_PLUGINS)
    p.push_back(std::make_unique<LeversPanel>());  // the plugin host's levers, for strategy leads
#endif
    p.push_back(std::make_unique<ConstantsPanel>());
    p.push_back(std::make_unique<CanvasPanel>());
    p.push_back(std::make_unique<ChartsPanel>());
    p.push_back(std::make_unique<TablePanel>());
    p.push_back(std::make_unique<DiagnosticsPanel>());
    p.push_back(std::make_unique<ComparePanel>());
    p.push_back(std::make_unique<LoopsPanel>());  // feedback loops and which is in charge when (issue 15)
    p.push_back(std::make_unique<BusinessCasePanel>());
    p.push_back(std::make_unique<UncertaintyPanel>());  // Monte Carlo fan charts, observed data (issue 14)
    p.push_back(std::make_unique<CalibrationPanel>());  // fitting constants to observed data (issue 14)
    p.push_back(std::make_unique<PropertiesPanel>());
    p.push_back(std::make_unique<StatusPanel>());
    p.push_back(std::make_unique<PresentationPanel>());
    return p;
}

}  // namespace sdw::ui
