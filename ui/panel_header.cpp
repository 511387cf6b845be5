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

// The language buttons, each in its own face. `after_item`: something precedes them on the line (flow from it).
void draw_languages(AppState& state, bool after_item) {
    const Session& session = state.session;
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
        if (i > 0 || after_item) flow(check_width(state.tr(lang_keys[i])));
        if (ImGui::RadioButton(state.tr(lang_keys[i]), session.lang() == langs[i]))
            state.pending_language = langs[i]; // applied when the next frame starts (AppState::pending_language)
        if (face) ImGui::PopFont();
        state.record_rect(std::string("lang.") + lang_code(langs[i]));
    }
}

// Embed popup: the snippet for the selected claim, a preview of the card the article will show, and Copy. Drawn at
// the level where "Embed" opened it (the header, or the compact header's menu), since a popup's id is its level's.
void draw_embed_popup(AppState& state) {
    const Session& session = state.session;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(34.0f * em, ImGui::GetMainViewport()->WorkSize.x * 0.95f), 0));
    if (!ImGui::BeginPopup("embed")) return;
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

// Theme, currency, Copy link, Embed, downloads, presenter (and full screen while presenting).
void draw_settings(AppState& state) {
    const Session& session = state.session;
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
    draw_embed_popup(state);
}

// On a narrow or short screen (a phone, or a laptop at 200 % zoom) the row of settings would take several lines of a
// few hundred pixels: there the header is one row, the tour first and a menu button holding everything else.
bool header_is_compact(const AppState& state) {
    const ImVec2 size = ImGui::GetMainViewport()->WorkSize;
    const float em = ImGui::GetFontSize();
    return state.session.view() != View::embed && (size.x < 40.0f * em || size.y < 30.0f * em);
}

// The menu button: three bars drawn before the label (no glyph needed from the font subsets).
bool menu_button(AppState& state, bool after_item) {
    const char* label = state.tr("action.menu");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float icon = ImGui::GetFontSize() * 0.9f;
    const ImVec2 text = ImGui::CalcTextSize(label);
    if (after_item) flow(text.x + icon + style.ItemInnerSpacing.x + style.FramePadding.x * 2.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID("header_menu");
    const bool pressed =
        ImGui::Button("", ImVec2(text.x + icon + style.ItemInnerSpacing.x + style.FramePadding.x * 2.0f, 0.0f));
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float height = ImGui::GetItemRectSize().y;
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    const float left = at.x + style.FramePadding.x;
    const float thickness = std::max(1.0f, icon * 0.12f);
    for (int bar = -1; bar <= 1; ++bar) {
        const float y = at.y + height * 0.5f + bar * icon * 0.3f;
        draw->AddLine(ImVec2(left, y), ImVec2(left + icon, y), colour, thickness);
    }
    draw->AddText(ImVec2(left + icon + style.ItemInnerSpacing.x, at.y + style.FramePadding.y), colour, label);
    state.record_rect("menu");
    return pressed;
}

void draw_compact_header(AppState& state, bool tour_buttons) {
    if (tour_buttons) draw_tour_buttons(state);
    const bool open = menu_button(state, tour_buttons);
    const ImVec2 button_max = ImGui::GetItemRectMax();
    if (open) ImGui::OpenPopup("header_menu");
    // Under the button, as wide as the screen allows (at most a short paragraph).
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = std::min(24.0f * em, viewport->WorkSize.x - 1.0f * em);
    const float x = std::clamp(button_max.x - width, viewport->WorkPos.x + 0.5f * em,
                               viewport->WorkPos.x + viewport->WorkSize.x - 0.5f * em - width);
    ImGui::SetNextWindowPos(ImVec2(x, std::max(button_max.y, viewport->WorkPos.y) + 0.2f * em), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->WorkSize.y - 1.0f * em));
    if (!ImGui::BeginPopup("header_menu")) return;
    state.record_rect("menu.popup");
    draw_languages(state, false);
    ImGui::Separator();
    draw_settings(state);
    ImGui::EndPopup();
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

    // Settings row: tour, language, theme, currency, links, downloads, presenter; flows onto more lines on wider
    // screens, one row with a menu on narrow or short ones. The tour comes first: it is what a first-time reader
    // should find.
    const Session& session = state.session;
    const bool tour_buttons = session.view() != View::embed && !session.tour().steps.empty() &&
                              session.tour_nav().mode() != TourMode::touring;
    if (header_is_compact(state)) {
        draw_compact_header(state, tour_buttons);
        return;
    }
    if (tour_buttons) draw_tour_buttons(state);
    draw_languages(state, tour_buttons);
    if (session.view() == View::embed) return; // a 700×450 iframe: language only, the rest is on the full page
    draw_settings(state);
}

} // namespace chips::ui
