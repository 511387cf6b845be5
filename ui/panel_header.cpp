// ui/panel_header.cpp — the settings row above the panels: tour, language, theme, currency, "Copy link", "Embed"
// (with the snippet popup), downloads and presenter mode. It flows onto more lines on narrow screens.
#include "session/permalink.h"
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>

namespace chips::ui {

namespace {

// A labelled combo whose width fits its longest option, so it flows in the header like a button.
bool begin_choice(const char* id, const char* label, const char* preview, const char* const* options, int count) {
    float widest = 0.0f;
    for (int i = 0; i < count; ++i)
        widest = std::max(widest, ImGui::CalcTextSize(options[i]).x);
    const float combo_width = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2.0f;
    flow(ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemInnerSpacing.x + combo_width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(combo_width);
    return ImGui::BeginCombo(id, preview);
}

// Theme: follow the system (default), or a manual light/dark override kept in the reader's settings.
void draw_theme_choice(AppState& state) {
    const ThemeChoice choices[] = {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark};
    const char* ids[] = {"theme.system", "theme.light", "theme.dark"};
    const char* labels[] = {state.tr("theme.system"), state.tr("theme.light"), state.tr("theme.dark")};
    const int current = static_cast<int>(state.session.theme_choice());
    if (begin_choice("##theme", state.tr("theme.label"), labels[current], labels, 3)) {
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(labels[i], i == current)) state.session.set_theme_choice(choices[i]);
            state.record_rect(ids[i]);
        }
        ImGui::EndCombo();
    }
    state.record_rect("theme");
}

// Currency: USD (the model's) or CNY at the stated rate; hidden when content/currency.json is missing.
void draw_currency_choice(AppState& state) {
    if (state.session.rate().cny_per_usd <= 0) return;
    const char* labels[] = {state.tr("currency.usd"), state.tr("currency.cny")};
    const int current = state.session.currency() == Currency::cny ? 1 : 0;
    if (begin_choice("##currency", state.tr("currency.label"), labels[current], labels, 2)) {
        for (int i = 0; i < 2; ++i) {
            if (ImGui::Selectable(labels[i], i == current))
                state.session.set_currency(i == 1 ? Currency::cny : Currency::usd);
            state.record_rect(i == 1 ? "currency.CNY" : "currency.USD");
        }
        ImGui::EndCombo();
    }
    state.record_rect("currency");
}

} // namespace

void draw_header(AppState& state) {
    const float em = ImGui::GetFontSize();
    // The page around the canvas already shows the title and subtitle; the embed and presenter views stand alone.
    // The embed card has its own heading (the verdict); presenter mode fills a projector and needs the title.
    if (state.session.presenter() && state.session.view() != View::embed) {
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
        ImGui::TextUnformatted(state.tr("app.title"));
        ImGui::PopFont();
        if (state.layout != Layout::narrow) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.25f * em);
            ImGui::TextDisabled("%s", state.tr("app.subtitle"));
        }
    }

    // Settings row: tour, language, theme, currency, links, downloads, presenter; flows onto more lines on narrow
    // screens. The tour comes first: it is what a first-time reader should find.
    const Session& session = state.session;
    const bool tour_buttons =
        session.view() != View::embed && !session.tour().steps.empty() && session.tour_nav().mode() != TourMode::touring;
    if (tour_buttons) draw_tour_buttons(state);
    const Lang langs[] = {Lang::en, Lang::zh_hans, Lang::zh_hant};
    const char* lang_keys[] = {"lang.en", "lang.zh-Hans", "lang.zh-Hant"};
    for (int i = 0; i < 3; ++i) {
        // Each language name is drawn in its own face (繁體中文 with the TC face). While the TC face is only the
        // stand-in, the SC face draws it (the SC subset holds these four characters), so that a first frame with
        // nothing traditional on screen does not make the page fetch the TC file.
        ImFont* face = state.ui_font();
        if (langs[i] == Lang::zh_hant && state.fonts.traditional)
            face = state.fonts.traditional_is_stand_in && state.fonts.simplified ? state.fonts.simplified
                                                                                 : state.fonts.traditional;
        if (face) ImGui::PushFont(face, 0.0f);
        if (i > 0 || tour_buttons) flow(check_width(state.tr(lang_keys[i])));
        if (ImGui::RadioButton(state.tr(lang_keys[i]), session.lang() == langs[i])) state.session.set_language(langs[i]);
        if (face) ImGui::PopFont();
        state.record_rect(std::string("lang.") + lang_code(langs[i]));
    }
    if (session.view() == View::embed) return; // a 700×450 iframe: language only, the rest is on the full page
    draw_theme_choice(state);
    draw_currency_choice(state);
    if (state.hooks.copy_text) {
        const bool copied = state.copied_what == "link" && ImGui::GetTime() < state.copied_until;
        const char* copy_label = copied ? state.tr("status.copied") : state.tr("action.copy_link");
        flow(button_width(copy_label));
        if (ImGui::Button(copy_label)) state.copy(state.page_url() + "?" + permalink_query(session), "link");
        state.record_rect("copy_link");
        flow(button_width(state.tr("action.embed")));
        if (ImGui::Button(state.tr("action.embed"))) ImGui::OpenPopup("embed");
        state.record_rect("embed");
    }
    draw_download_button(state);
    flow(check_width(state.tr("action.presenter")));
    bool presenter = session.presenter();
    if (ImGui::Checkbox(state.tr("action.presenter"), &presenter)) state.session.set_presenter(presenter);
    state.record_rect("presenter");
    if (session.presenter() && state.hooks.toggle_fullscreen) {
        flow(button_width(state.tr("action.fullscreen")));
        if (ImGui::Button(state.tr("action.fullscreen"))) state.hooks.toggle_fullscreen();
        state.record_rect("fullscreen");
    }

    // Embed popup: the snippet for the selected claim, a preview of the card the article will show, and Copy.
    ImGui::SetNextWindowSize(ImVec2(std::min(34.0f * em, ImGui::GetMainViewport()->WorkSize.x * 0.95f), 0));
    if (ImGui::BeginPopup("embed")) {
        std::string snippet = embed_snippet(session, state.page_url());
        wrapped_text(state.tr("embed.help"));
        ImGui::InputTextMultiline("##snippet", snippet.data(), snippet.size() + 1, ImVec2(-1, 4.0f * em),
                                  ImGuiInputTextFlags_ReadOnly);
        state.record_rect("embed.snippet");
        const bool copied = state.copied_what == "embed" && ImGui::GetTime() < state.copied_until;
        if (ImGui::Button(copied ? state.tr("status.copied") : state.tr("action.copy_snippet")))
            state.copy(snippet, "embed");
        state.record_rect("embed.copy");
        // The preview: the embed card itself, drawn at 60 % in a frame of the iframe's proportions (700 × 450).
        ImGui::TextDisabled("%s", state.tr("embed.preview"));
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::BeginChild("embed_preview", ImVec2(width, width * 450.0f / 700.0f), ImGuiChildFlags_Borders);
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 0.6f);
        ImGui::BeginDisabled(); // a picture of the card: its controls belong to the real one
        state.drawing_preview = true;
        draw_embed(state);
        state.drawing_preview = false;
        ImGui::EndDisabled();
        ImGui::PopFont();
        ImGui::EndChild();
        ImGui::EndPopup();
    }
}

} // namespace chips::ui
