// ui/panel_quotes.cpp — the Quotes panel: quotes grouped by article, original text with correct Chinese line
// breaking, claim spans highlighted by verdict (colour + glyph + word), each claim's reason in plain words on the
// card and, when the reader's assumptions reach it, its live verdict and reason under them ("your scenario"); hover
// for the model's value and ratio, click to load the claim's scenario; source and date, translation toggle, copy
// with citation.
//
// Index
// - [SECTION] Claim read-outs (tooltip and the line under the quote)
// - [SECTION] Quote text: kinsoku line breaking + highlighted, clickable spans
// - [SECTION] Quote card
// - [SECTION] Panel: topic filter, grouped by article
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace chips::ui {

namespace {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Claim read-outs
//-----------------------------------------------------------------------------------------------------------------

// The model's range in the claim's terms ("$5.0M – $6.3M", "14.2×").
std::string model_text(const AppState& state, const CheckedClaim& claim) {
    const ClaimCheck& check = claim.check;
    const Quantity kind = check.is_ratio ? Quantity::ratio : quantity_for_unit(check.unit ? check.unit : "");
    return state.session.fmt().format_range(check.model, kind);
}

// "✗ Overstated" for any verdict, in its colour (glyph and word, so colour is never the only cue).
void draw_verdict(const AppState& state, Verdict verdict) {
    ImGui::PushStyleColor(ImGuiCol_Text, verdict_color(verdict, state.session.theme()));
    ImGui::Text("%s %s", verdict_glyph(verdict), state.tr(verdict_string_key(verdict)));
    ImGui::PopStyleColor();
}

// The reason lines of a quote's claims, recomputed only when the session changed since they were made: a card is
// drawn on every frame of a drag, the verdicts change at most once per slider step.
void refresh_claim_lines(AppState& state, int quote_index) {
    QuoteLayout& layout = state.quote_layouts[quote_index];
    const CheckedQuote& quote = state.session.quotes()[quote_index];
    if (layout.live_revision == state.session.revision() && layout.live.size() == quote.claims.size()) return;
    layout.reasons.resize(quote.claims.size());
    layout.live.resize(quote.claims.size());
    for (size_t c = 0; c < quote.claims.size(); ++c) {
        layout.reasons[c] = state.session.claim_reason(quote_index, static_cast<int>(c));
        layout.live[c] = state.session.live_claim(quote_index, static_cast<int>(c));
    }
    layout.live_revision = state.session.revision();
}

void claim_tooltip(AppState& state, const CheckedClaim& claim) {
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTooltip()) return;
    verdict_label(state, claim);
    const float width = 24.0f * em;
    std::string line = std::string(state.tr("quote.claimed")) + ": " + claim.claim->span;
    wrapped_text(line.c_str(), 0, width);
    if (claim.check.verdict != Verdict::not_checkable || claim.check.model.high > 0) {
        line = std::string(state.tr("quote.model")) + ": " + model_text(state, claim);
        wrapped_text(line.c_str(), 0, width);
        if (claim.check.claimed_over_model > 0) {
            line = fill_in(state.tr("quote.ratio"), "ratio",
                           state.session.fmt().format(claim.check.claimed_over_model, Quantity::ratio));
            wrapped_text(line.c_str(), 0, width);
        }
        if (claim.check.tolerance > 0) {
            line = fill_in(state.tr("quote.tolerance"), "percent", format_number(claim.check.tolerance * 100.0, 3));
            wrapped_text(line.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled), width);
        }
    }
    ImGui::Separator();
    wrapped_text(localized(state, claim.claim->note).c_str(), 0, width);
    if (claim.has_scenario) {
        ImGui::Spacing();
        wrapped_text(state.tr("quote.click_to_load"), ImGui::GetColorU32(ImGuiCol_TextDisabled), width);
    }
    ImGui::EndTooltip();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Quote text
//-----------------------------------------------------------------------------------------------------------------

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Quote card
//-----------------------------------------------------------------------------------------------------------------

std::string citation(const AppState& state, const CheckedQuote& quote) {
    const Article& article = state.session.library().article_of(*quote.quote);
    std::string text = article.publication.empty() ? state.tr("quote.unnamed_publication") : article.publication;
    if (!article.title.empty()) text += " \xC2\xB7 " + article.title;
    if (!article.date.empty()) text += " \xC2\xB7 " + article.date;
    return text;
}

// Skipping what is outside the visible part of the list: a block the clip rectangle does not reach is replaced by a
// Dummy of its last measured height (or an estimate), so the list keeps its length and scroll position while only the
// cards on screen are laid out (and only their glyphs rasterized: the TC face is not touched until a traditional
// quote is in view, which is what makes the page fetch it).
// A margin of a card or so above and below the view keeps the neighbours of the visible cards laid out, so keyboard
// navigation (arrows, Tab) finds the next card and scrolls to it.
bool block_visible(float height) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const float margin = 8.0f * ImGui::GetFontSize();
    if (ImGui::IsRectVisible(ImVec2(pos.x, pos.y - margin), ImVec2(pos.x + width, pos.y + height + margin)))
        return true;
    ImGui::Dummy(ImVec2(width, height));
    return false;
}

// The height a card that was never laid out will take, from its line count at this width (CJK characters are about
// one em wide at the quote size), without measuring any text (that would rasterize its glyphs).
float estimated_card_height(const CheckedQuote& quote) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float quote_size = style.FontSizeBase * 1.1f;
    const float inner = std::max(4.0f * quote_size, ImGui::GetContentRegionAvail().x - 2.0f * style.WindowPadding.x);
    std::size_t characters = 0;
    for (unsigned char c : quote.quote->text)
        characters += (c & 0xC0) != 0x80;
    const float per_line = std::max(1.0f, std::floor(inner / quote_size));
    const float lines = std::max(1.0f, std::ceil(static_cast<float>(characters) / per_line));
    const float row = em + style.ItemSpacing.y;
    const float claims = static_cast<float>(quote.claims.size());
    // A claim takes its verdict line, a reason of about two lines and the model's range.
    return 2.0f * style.WindowPadding.y + lines * quote_size * 1.55f + style.ItemSpacing.y + claims * 4.0f * row +
           style.ItemSpacing.y + 2.0f * row;
}

// The card must be laid out even when scrolled away: the selected quote, and whatever the tour points at in it
// ("quote:<id>", a claim span "<id>#<n>", its buttons), so the tour can measure it and scroll it into view.
bool card_pinned(const AppState& state, int quote_index) {
    // Keyboard readers Tab through every card: none may be skipped for being out of view (ui/keyboard.h).
    if (quote_index == state.session.selected_quote() || state.keyboard_nav) return true;
    return !state.tour_control.empty() &&
           state.tour_control.find(state.session.quotes()[quote_index].quote->id) != std::string::npos;
}

} // namespace

void verdict_label(const AppState& state, const CheckedClaim& claim) {
    const ImU32 color = verdict_color(claim.check.verdict, state.session.theme());
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::Text("%s %s", verdict_glyph(claim.check.verdict), state.tr(verdict_string_key(claim.check.verdict)));
    ImGui::PopStyleColor();
}

void draw_quote_text(AppState& state, int quote_index, const char* id_suffix) {
    const CheckedQuote& quote = state.session.quotes()[quote_index];
    QuoteLayout& layout = state.quote_layouts[quote_index];
    const std::string& text = quote.quote->text;
    ImFont* font = state.font_for_script(quote.quote->script);
    if (font)
        ImGui::PushFont(font, ImGui::GetStyle().FontSizeBase * 1.1f);
    else
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
    ImFont* face = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float width = std::max(size * 4.0f, ImGui::GetContentRegionAvail().x);
    if (layout.cached_width != width || layout.cached_font_size != size) {
        break_lines(
            text, width,
            [face, size](std::string_view piece) {
                return face->CalcTextSizeA(size, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size()).x;
            },
            layout.lines);
        layout.cached_width = width;
        layout.cached_font_size = size;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line_height = size * 1.55f; // Chinese body text needs more leading than Latin
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    for (const TextLine& line : layout.lines) {
        float x = origin.x;
        size_t at = line.begin;
        while (at < line.end) {
            // Next segment: up to the next span boundary inside this line.
            const CheckedClaim* in_span = nullptr;
            int claim_index = -1;
            size_t segment_end = line.end;
            for (size_t c = 0; c < quote.claims.size(); ++c) {
                const CheckedClaim& claim = quote.claims[c];
                if (claim.span_end <= claim.span_begin) continue;
                if (at >= claim.span_begin && at < claim.span_end) {
                    in_span = &claim;
                    claim_index = static_cast<int>(c);
                    segment_end = std::min(segment_end, claim.span_end);
                } else if (claim.span_begin > at) {
                    segment_end = std::min(segment_end, claim.span_begin);
                }
            }
            const char* begin = text.data() + at;
            const char* end = text.data() + segment_end;
            const float w = face->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
            const float text_y = y + (line_height - size) * 0.5f;
            if (in_span) {
                const ImU32 color = verdict_color(in_span->check.verdict, state.session.theme());
                ImGui::SetCursorScreenPos(ImVec2(x, y));
                ImGui::PushID(claim_index);
                ImGui::PushID(static_cast<int>(at));
                const bool clicked = ImGui::InvisibleButton(id_suffix, ImVec2(std::max(w, 1.0f), line_height));
                const bool hovered = ImGui::IsItemHovered();
                ImGui::PopID();
                ImGui::PopID();
                if (at == in_span->span_begin || state.control_rects.find(in_span->id) == state.control_rects.end())
                    state.record_rect(in_span->id);
                const ImU32 fill_color = (color & 0x00FFFFFFu) | ((hovered ? 90u : 45u) << 24);
                draw->AddRectFilled(ImVec2(x, y + 0.08f * size), ImVec2(x + w, y + line_height - 0.08f * size),
                                    fill_color, 0.15f * size);
                draw->AddLine(ImVec2(x, y + line_height - 0.12f * size), ImVec2(x + w, y + line_height - 0.12f * size),
                              color, std::max(1.0f, 0.12f * size));
                if (hovered) claim_tooltip(state, *in_span);
                if (clicked) state.session.load_claim(quote_index, claim_index);
            }
            draw->AddText(face, size, ImVec2(x, text_y), text_color, begin, end);
            x += w;
            at = segment_end;
        }
        y += line_height;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - origin.y));
    ImGui::PopFont();
}

void draw_quote_card(AppState& state, int quote_index, bool embed) {
    if (quote_index < 0 || quote_index >= static_cast<int>(state.session.quotes().size())) return;
    const CheckedQuote& quote = state.session.quotes()[quote_index];
    const bool selected = quote_index == state.session.selected_quote();
    const float em = ImGui::GetFontSize();
    const Palette& pal = palette(state.session.theme());
    ImGui::PushID(quote.quote->id.c_str());
    if (selected) ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.highlight_bg));
    ImGui::BeginChild("card", ImVec2(-1, 0),
                      ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding |
                          ImGuiChildFlags_NavFlattened, // Tab goes through the card's buttons in the list's order
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    state.quote_layouts[quote_index].card_appearing = ImGui::IsWindowAppearing();
    draw_quote_text(state, quote_index, embed ? "span_embed" : "span");

    // Per claim: the verdict (glyph + word + colour), the span, the reason in plain words, the model's range; when
    // the reader's assumptions reach the claim, the verdict under them, labelled, with its own reason (live).
    refresh_claim_lines(state, quote_index);
    const QuoteLayout& lines = state.quote_layouts[quote_index];
    for (size_t c = 0; c < quote.claims.size(); ++c) {
        const CheckedClaim& claim = quote.claims[c];
        const LiveClaim& live = lines.live[c];
        ImGui::PushID(static_cast<int>(c));
        if (live.differs) {
            ImGui::TextDisabled("%s:", state.tr("quote.published_check"));
            ImGui::SameLine();
        }
        verdict_label(state, claim);
        ImGui::SameLine();
        ImFont* face = state.font_for_script(quote.quote->script);
        if (face) ImGui::PushFont(face, 0.0f);
        ImGui::TextUnformatted(claim.claim->span.c_str());
        if (face) ImGui::PopFont();
        if (ImGui::IsItemHovered()) claim_tooltip(state, claim);
        if (claim.has_scenario) {
            ImGui::SameLine();
            if (small_button(state, state.tr("action.check_claim")))
                state.session.load_claim(quote_index, static_cast<int>(c));
            state.record_rect(claim.id + ".load");
        }
        // The reason is on the card itself, in the body colour: a phone has no hover, and it is what a reader
        // needs most after the verdict.
        const std::string& reason = lines.reasons[c];
        wrapped_text(reason.empty() ? localized(state, claim.claim->note).c_str() : reason.c_str());
        state.record_rect(claim.id + ".reason");
        if (claim.check.verdict != Verdict::not_checkable) {
            std::string line = std::string(state.tr("quote.model")) + ": " + model_text(state, claim);
            if (claim.check.claimed_over_model > 0)
                line += "  (" +
                        fill_in(state.tr("quote.ratio"), "ratio",
                                state.session.fmt().format(claim.check.claimed_over_model, Quantity::ratio)) +
                        ")";
            wrapped_text(line.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
        }
        if (live.differs) {
            ImGui::BeginGroup();
            ImGui::TextDisabled("%s:", state.tr("quote.your_scenario"));
            ImGui::SameLine();
            draw_verdict(state, live.verdict);
            wrapped_text(live.reason.c_str());
            ImGui::EndGroup();
            state.record_rect(claim.id + ".live");
        }
        ImGui::PopID();
    }

    // Source, translation, copy.
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    // The label is interface text (UI face); the citation is the article's own text (its script's face): the SC
    // and TC subsets only hold the characters of their own script.
    ImGui::TextUnformatted(state.tr("quote.source"));
    ImGui::SameLine(0, 0.4f * em);
    ImFont* script_face = state.font_for_script(quote.quote->script);
    if (script_face) ImGui::PushFont(script_face, 0.0f);
    wrapped_text(citation(state, quote).c_str());
    if (script_face) ImGui::PopFont();
    ImGui::PopStyleColor();
    const bool shown = state.session.translation_shown(quote_index);
    if (small_button(state, shown ? state.tr("action.hide_translation") : state.tr("action.show_translation")))
        state.session.set_translation_shown(quote_index, !shown);
    state.record_rect("translation:" + quote.quote->id);
    if (state.hooks.copy_text) {
        ImGui::SameLine();
        const bool copied = state.copied_what == quote.quote->id && ImGui::GetTime() < state.copied_until;
        if (small_button(state, copied ? state.tr("status.copied") : state.tr("action.copy_quote"))) {
            std::string text =
                "\xE2\x80\x9C" + quote.quote->text + "\xE2\x80\x9D\n\xE2\x80\x94 " + citation(state, quote);
            const std::string url = state.page_url();
            if (!url.empty()) text += "\n" + url + "?quote=" + quote.quote->id;
            state.copy(text, quote.quote->id.c_str());
        }
        state.record_rect("copy:" + quote.quote->id);
    }
    if (state.session.translation_shown(quote_index)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(quote.quote->translation_en.c_str()); // English: ImGui's own wrapping is right
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    // A click (not a drag) on the card's background selects the quote and loads its first claim.
    if (!selected && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() &&
        ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y *
                ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y <
            0.09f * em * em)
        state.session.select_quote(quote_index, /*load_first_claim=*/true, /*reveal=*/false);
    ImGui::EndChild();
    state.record_rect("quote:" + quote.quote->id);
    if (selected) ImGui::PopStyleColor();
    ImGui::PopID();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------------------------------------------

void draw_quotes_panel(AppState& state) {
    ImGui::PushID("quotes");
    ImGui::SeparatorText(state.tr("panel.quotes"));
    // Topic filter.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr("quote.filter_topic"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    std::string preview = state.session.topic_filter().empty()
                              ? state.tr("quote.all_topics")
                              : state.tr(("topic." + state.session.topic_filter()).c_str());
    if (ImGui::BeginCombo("##topic", preview.c_str())) {
        if (ImGui::Selectable(state.tr("quote.all_topics"), state.session.topic_filter().empty()))
            state.session.set_topic_filter("");
        for (size_t t = 0; t < kQuoteTopicCount; ++t) {
            const std::string topic = kQuoteTopics[t];
            if (ImGui::Selectable(state.tr(("topic." + topic).c_str()), state.session.topic_filter() == topic))
                state.session.set_topic_filter(topic);
        }
        ImGui::EndCombo();
    }
    state.record_rect("topic");
    // English readers see each quote with its translation; this turns them all off (and on), remembered.
    if (state.session.lang() == Lang::en) {
        bool shown = state.session.translations_default();
        if (ImGui::Checkbox(state.tr("quote.show_translations"), &shown)) state.session.set_translations_default(shown);
        state.record_rect("translations");
    }
    bool keep_scrolling = false; // the selected card moved since last frame: scroll to it again next frame
    // Grouped by article, in file order.
    for (size_t a = 0; a < state.session.library().articles.size(); ++a) {
        const Article& article = state.session.library().articles[a];
        bool any = false;
        for (const CheckedQuote& quote : state.session.quotes())
            any = any || (quote.quote->article_index == a &&
                          (state.session.topic_filter().empty() || quote.quote->topic == state.session.topic_filter()));
        if (!any) continue;
        ImGui::Spacing();
        if (state.heading_heights.size() != state.session.library().articles.size())
            state.heading_heights.assign(state.session.library().articles.size(), 0.0f);
        float& heading_height = state.heading_heights[a];
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        if (block_visible(heading_height > 0.0f ? heading_height : 3.0f * ImGui::GetFontSize() + 2.0f * spacing)) {
            const float top = ImGui::GetCursorPosY();
            ImFont* face = state.font_for_script(article.script);
            if (face) ImGui::PushFont(face, 0.0f);
            std::string heading =
                article.publication.empty() ? state.tr("quote.unnamed_publication") : article.publication;
            if (!article.title.empty()) heading += " \xC2\xB7 " + article.title;
            if (!article.date.empty()) heading += " \xC2\xB7 " + article.date;
            wrapped_text(heading.c_str());
            if (face) ImGui::PopFont();
            wrapped_text(localized(state, article.about).c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
            heading_height = std::max(1.0f, ImGui::GetCursorPosY() - top - spacing);
        }
        for (size_t q = 0; q < state.session.quotes().size(); ++q) {
            const CheckedQuote& quote = state.session.quotes()[q];
            QuoteLayout& layout = state.quote_layouts[q];
            if (quote.quote->article_index != a) continue;
            if (!state.session.topic_filter().empty() && quote.quote->topic != state.session.topic_filter()) continue;
            const int index = static_cast<int>(q);
            const float expected = layout.card_height > 0.0f ? layout.card_height : estimated_card_height(quote);
            if (!card_pinned(state, index) && !block_visible(expected)) continue;
            const float top = ImGui::GetCursorPosY();
            draw_quote_card(state, index, false);
            // A quote chosen from outside the list (a link, selectQuote) may sit far down: bring it to the top, and
            // again on the next frames while it still moves: the cards above it had estimated heights until the
            // scroll brought them into view and measured them.
            if (index == state.session.selected_quote() && state.scroll_to_selected_quote) {
                ImGui::SetScrollFromPosY(top - ImGui::GetScrollY(), 0.0f);
                keep_scrolling = std::fabs(top - state.selected_card_top) > 0.5f && ++state.scroll_settle_frames < 12;
                state.selected_card_top = top;
            }
            const float measured = ImGui::GetCursorPosY() - top - spacing;
            if (!layout.card_appearing) {
                layout.card_height = std::max(1.0f, measured);
            } else if (measured < expected) {
                // A card's child window takes its height one frame after it appears: leave the room it will take,
                // so the cards below are placed (and skipped) where they will be.
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - spacing);
                ImGui::Dummy(ImVec2(1.0f, expected - measured));
            }
        }
    }
    if (!keep_scrolling) { // done, or the card is filtered out: don't jump later
        state.scroll_to_selected_quote = false;
        state.selected_card_top = -1.0f;
        state.scroll_settle_frames = 0;
    }
    ImGui::PopID();
}

} // namespace chips::ui
