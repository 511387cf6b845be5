// ui/panel_downloads.cpp — the "Download" button in the header and its popup: the scenario and its results (JSON,
// CSV), the data behind each chart (CSV), and every quote with its claims and verdicts under the reader's current
// assumptions (CSV), and the fact-check ledger (HTML, model/output/ledger.h). The contents are model/output/export.h's;
// this file only gathers the context and saves through PlatformHooks::download_file (a real file save in the browser).
// Hidden when the platform cannot save files.
#include "model/output/export.h"
#include "model/output/ledger.h"
#include "session/permalink.h"
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace chips::ui {

namespace {

// What every file is stamped with: the reader's date (the platform's clock; model/ reads none), the permalink of
// the exported view, and the preset the scenario started from.
ExportContext export_context(const AppState& state) {
    ExportContext context;
    context.date = state.hooks.today_iso ? state.hooks.today_iso() : std::string();
    const std::string url = state.page_url();
    if (!url.empty()) context.page_url = url + "?" + permalink_query(state.session);
    context.preset_id = state.session.preset_id();
    return context;
}

void save(AppState& state, const DownloadFile& file) {
    if (file.file_name.empty() || !state.hooks.download_file) return;
    state.hooks.download_file(file.file_name, file.mime_type, file.content);
    state.last_download = file.file_name;
}

enum class Download { scenario_json, scenario_csv, chart_chips, chart_experts, chart_gpus, quotes_csv, ledger };

// Builds one file from the current view and saves it.
void download(AppState& state, Download what) {
    const ExportContext context = export_context(state);
    DownloadFile file;
    switch (what) {
    case Download::scenario_json:
        if (export_scenario_json(context, state.session.scenario(), state.session.presets(), state.session.gpus(),
                                 file))
            save(state, file);
        break;
    case Download::scenario_csv:
        if (export_scenario_csv(context, state.session.scenario(), state.session.presets(), state.session.gpus(), file))
            save(state, file);
        break;
    case Download::chart_chips:
    case Download::chart_experts:
    case Download::chart_gpus: {
        // The very series the charts draw (the reader's compared GPUs included), with their low/high bounds.
        const ChartData& data = state.session.charts();
        const ChartKind kind = what == Download::chart_chips     ? ChartKind::chips_sweep
                               : what == Download::chart_experts ? ChartKind::experts_sweep
                                                                 : ChartKind::gpu_times;
        save(state, export_chart_csv(context, kind, data, state.session.gpus()));
        break;
    }
    case Download::quotes_csv: {
        // "Under the current assumptions": the reader's changed efficiency and price keys, relative to the preset
        // the scenario started from (docs/journeys.md "Assumptions in the quotes file").
        ScenarioOverrides assumptions;
        if (const Preset* preset = state.session.presets().find(state.session.preset_id()))
            assumptions = assumptions_from(state.session.scenario(), preset->scenario);
        save(state, export_quotes_csv(context, state.session.library(), state.session.presets(), state.session.gpus(),
                                      assumptions));
        break;
    }
    case Download::ledger: {
        // The same page the site serves as ledger.html (model/output/ledger.h), written here so the offline file,
        // which has no site next to it, offers it too. Its first section is in the reader's language.
        const Session& session = state.session;
        const LedgerContent ledger{&session.claim_book(), &session.library(), &session.strings(), &session.gpus(),
                                   &session.presets()};
        DownloadFile file;
        file.file_name = std::string("chips-and-claims_ledger_") + lang_code(session.lang()) + "_" +
                         (context.date.empty() ? std::string("unknown") : context.date) + ".html";
        file.mime_type = "text/html;charset=utf-8";
        file.content = render_ledger_html(ledger, session.lang());
        save(state, file);
        break;
    }
    }
}

} // namespace

void draw_download_button(AppState& state) {
    if (!state.hooks.download_file) return;
    const char* label = state.tr("download.label");
    flow(button_width(label));
    if (ImGui::Button(label)) {
        state.last_download.clear();
        ImGui::OpenPopup("downloads");
    }
    state.record_rect("download");
    // Under the button (not at the mouse, where it would cover the header), as wide as a short paragraph and never
    // wider than the screen.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = std::min(26.0f * em, viewport->WorkSize.x - 1.0f * em);
    const float x = std::clamp(ImGui::GetItemRectMin().x, viewport->WorkPos.x + 0.5f * em,
                               viewport->WorkPos.x + viewport->WorkSize.x - 0.5f * em - width);
    ImGui::SetNextWindowPos(ImVec2(x, ImGui::GetItemRectMax().y + 0.2f * em), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    if (!ImGui::BeginPopup("downloads")) return;
    struct Item {
        Download what;
        const char* label_key; // strings.json
        const char* id;        // control_rect_json id
    };
    static const Item items[] = {
        {Download::scenario_json, "download.scenario_json", "download.scenario_json"},
        {Download::scenario_csv, "download.scenario_csv", "download.scenario_csv"},
        {Download::chart_chips, "download.chart_chips", "download.chart_chips"},
        {Download::chart_experts, "download.chart_experts", "download.chart_experts"},
        {Download::chart_gpus, "download.chart_gpus", "download.chart_gpus"},
        {Download::quotes_csv, "download.quotes_csv", "download.quotes_csv"},
        {Download::ledger, "download.ledger", "download.ledger"},
    };
    wrapped_text(state.tr("download.help"), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::Separator();
    for (const Item& item : items) {
        // The popup stays open: a journalist often wants the quotes and the scenario together.
        if (ImGui::Selectable(state.tr(item.label_key), false, ImGuiSelectableFlags_NoAutoClosePopups))
            download(state, item.what);
        state.record_rect(item.id);
    }
    if (!state.last_download.empty()) {
        ImGui::Separator();
        const std::string saved = fill_in(state.tr("download.saved"), "file", state.last_download);
        wrapped_text(saved.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    ImGui::EndPopup();
}

} // namespace chips::ui
