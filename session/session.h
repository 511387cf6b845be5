// session/session.h — the reader's state, and the only code that changes it.
//
// A Session owns the loaded content, the checked claims, the scenario with its estimate and chart data, the reader's
// settings (language, currency, theme choice, scale, presenter), the view, the selection, the guided tour's position
// and the notices. Every change goes through one of its methods; each method keeps the state consistent (the FP8
// fallback, the experts clamp and the price that follows the GPU exist once, here) and bumps a revision counter, so
// the platform syncs the page when, and only when, something changed.
//
// Layers (docs/contract.md "Layers"): session/ includes model/ only — never ui/, wasm/, ImGui, SDL or emscripten.
// ui/ reads a Session through its const accessors and changes it through its methods; it writes no field.
//
// Index
// - [SECTION] Settings types: theme, view
// - [SECTION] Checked claims (computed once at load: a claim's own scenario never changes)
// - [SECTION] Session
#pragma once
#include "model/content/claim_book.h"
#include "model/content/content_bundle.h"
#include "model/content/quote_check.h"
#include "model/engine/chart_data.h"
#include "model/engine/estimate.h"
#include "model/text/formatter.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Settings types
//-----------------------------------------------------------------------------------------------------------------

enum class ThemeKind {
    light, // default: reads like the article page around it
    dark,  // for dark-mode readers and projectors
};

// The reader's choice, saved in settings; "system" follows prefers-color-scheme (the page passes it in).
enum class ThemeChoice {
    system, // default: whatever the operating system says
    light,  // manual override
    dark,   // manual override
};

enum class View {
    full,  // the whole explainer
    embed, // one quote, its verdicts, the controls that matter for it and the result (an iframe in an article)
};

const char* theme_choice_name(ThemeChoice choice); // "system", "light", "dark"
const char* view_name(View view);                  // "full", "embed"
const char* verdict_string_key(Verdict verdict);   // "verdict.consistent", ... (content/strings.json)

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Checked claims
//-----------------------------------------------------------------------------------------------------------------

struct CheckedClaim {
    const QuoteClaim* claim = nullptr; // the content
    std::string id;                    // "q-...#0": quote id # claim index (control ids, tests)
    std::size_t span_begin = 0;        // byte offset of claim->span in the quote text
    std::size_t span_end = 0;          // one past the span
    bool has_scenario = false;         // the claim (or its illustration) names a scenario the reader can load
    Scenario scenario;                 // preset + overrides, ready to load
    std::string preset_id;             // the claim's preset
    ClaimCheck check;                  // the model's verdict and range (not_checkable when it cannot check)
};

// A claim as its card shows it under the reader's assumptions (Session::live_claim).
struct LiveClaim {
    Verdict verdict = Verdict::not_checkable; // the verdict with the reader's changed assumptions
    bool differs = false; // the reader changed an assumption that reaches this claim: show it as "your scenario"
    std::string reason;   // that verdict's one plain sentence, in the reader's language and currency
};

struct CheckedQuote {
    const Quote* quote = nullptr;
    std::vector<CheckedClaim> claims; // reading order
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Session
//-----------------------------------------------------------------------------------------------------------------

class Session {
  public:
    // Most notices a reader sees at once; past this they collapse into one "N more problems" line.
    static constexpr std::size_t kMaxNotices = 4;

    // --- Loading --------------------------------------------------------------------------------------------------
    // Takes the content (a bundle from the JSON loaders or the binary snapshot), checks every claim once and opens
    // on the headline quote (557万美元 on 2,048 H800) with DeepSeek-V3 as reported. Returns false when `errors` holds
    // anything; the session then has what could be loaded, and loaded() says whether the explainer can run.
    bool load(ContentBundle&& bundle, ContentErrors& errors);
    bool load(const ContentTexts& texts, ContentErrors& errors);
    bool loaded() const { return loaded_; }
    const ContentErrors& load_errors() const { return load_errors_; }

    // --- Content (read-only after load) ---------------------------------------------------------------------------
    const StringTable& strings() const { return strings_; }
    const GpuCatalog& gpus() const { return gpus_; }
    const PresetCatalog& presets() const { return presets_; }
    const QuoteLibrary& library() const { return library_; }
    const Tour& tour() const { return tour_; }
    const CurrencyRate& rate() const { return rate_; }
    const std::vector<CheckedQuote>& quotes() const { return quotes_; }
    // Every claim with its published verdict, its verdict under the reader's assumptions and its reason
    // (model/content/claim_book.h): what getResults() and the fact-check ledger report.
    const ClaimBook& claim_book() const { return claim_book_; }
    ReasonContext reason_context() const; // reason sentences in the reader's language and currency
    // One plain sentence why claim `claim_index` of quote `quote_index` got its published verdict, in the reader's
    // language ("" for an unknown claim).
    std::string claim_reason(int quote_index, int claim_index) const;
    // The same claim re-checked under the reader's assumptions (ClaimBook::recheck, relative to the preset the
    // scenario started from, as getResults() does): what the card shows next to the published verdict.
    LiveClaim live_claim(int quote_index, int claim_index) const;
    int find_quote(const std::string& quote_id) const;                        // index into quotes(), -1 when unknown
    const char* tr(const char* key) const { return strings_.tr(key, lang_); } // UI string, current language
    const std::string& localized(const LocalizedText& text) const;            // content text, current language
    std::string gpu_label(const GpuSpec& gpu) const;                          // "H800", "RTX 2080 Ti"
    const Formatter& fmt() const { return fmt_; }                             // numbers in the reader's style

    // --- Scenario and results -------------------------------------------------------------------------------------
    const Scenario& scenario() const { return scenario_; }
    const std::string& preset_id() const { return preset_id_; }
    const Estimate& result() const { return result_; }
    const GpuSpec* gpu() const { return gpu_; }                  // catalog entry of scenario().gpu
    const Estimate& v3_baseline() const { return v3_baseline_; } // DeepSeek-V3 as reported, for "× V3" ratios
    // Every chart series, computed once per change of the scenario, when first asked for (the charts panel, a chart
    // download): a change through the page bridge that nothing draws (setState, a link in a background tab, the
    // fuzzer) does not pay for every GPU's and every expert count's estimate.
    const ChartData& charts() const;
    const std::vector<std::string>& compare_gpus() const { return compare_gpus_; } // chart series besides the GPU

    // Sets one numeric scenario key (the key table's units) through the model's codec: whole keys are rounded, the
    // value is clamped to the key's range, experts_active follows experts_total down, and a change that breaks a
    // cross-key rule is refused with a notice. Returns true when the scenario changed.
    bool set_number(const std::string& key, double value);
    // Switches the GPU (combo, chart bar, link): the one place where FP8 falls back to BF16 on a GPU without FP8
    // tensor cores (with a notice), and where the rental price follows the new GPU's catalog range unless the reader
    // set a price. Returns false for an unknown id.
    bool set_gpu(const std::string& gpu_id);
    // FP8 on a GPU without FP8 is refused with a notice. Returns true when the scenario changed.
    bool set_precision(Precision precision);
    bool load_preset(const std::string& preset_id); // false (and a notice) for an unknown id
    // Replaces the whole scenario (a claim's, a tour step's, a link's): checked with validate_scenario first; a
    // scenario the model refuses is not loaded and each problem becomes a notice. Returns true when loaded.
    bool load_scenario(const Scenario& scenario, const std::string& preset_id);
    // The scenario key the reader changed last ("chips", "gpu", "precision"; "" after a preset, claim, tour step or
    // link loaded a whole scenario): the aria-live summary names it with its new value.
    const std::string& last_changed_key() const { return last_changed_key_; }
    // A GPU drawn as an extra chart series (besides the current one), at most three; toggles it.
    void toggle_compare_gpu(const std::string& gpu_id);

    // --- Reader settings ------------------------------------------------------------------------------------------
    Lang lang() const { return lang_; }
    Currency currency() const { return currency_; }
    ThemeChoice theme_choice() const { return theme_choice_; }
    ThemeKind theme() const; // the effective theme: the choice, or the system's when "system"
    ThemeKind system_theme() const { return system_theme_; } // prefers-color-scheme, as the page reported it
    bool reduced_motion() const { return reduced_motion_; }
    float ui_scale() const { return ui_scale_; } // 1 = default, 0.75 .. 2.5
    bool presenter() const { return presenter_; }
    View view() const { return view_; }
    void set_language(Lang lang);
    bool set_currency(Currency currency); // CNY needs content/currency.json's rate: false (USD kept) without it
    void set_theme_choice(ThemeChoice choice);
    void set_environment(ThemeKind system_theme, bool reduced_motion); // what the page observes; not saved
    void set_ui_scale(float scale);                                    // clamped to 0.75 .. 2.5
    void set_presenter(bool on);
    void set_view(View view);
    // The page this session runs in has one view only (embed.html is always the embed): later requests for another
    // view (a link's view=full, setState) are refused with a notice.
    void lock_view(View view);

    // --- Selection ------------------------------------------------------------------------------------------------
    int selected_quote() const { return selected_quote_; }
    // Selects a quote; `load_first_claim` also loads the first claim that names a scenario. `reveal` asks the UI to
    // bring it into view (a link, the page, the tour): see reveal_revision(). Returns false for a bad index or id.
    bool select_quote(int index, bool load_first_claim, bool reveal);
    bool select_quote(const std::string& quote_id, bool load_first_claim, bool reveal);
    // Selects a quote and loads one of its claims' scenarios (a click on a claim in a card).
    void load_claim(int quote_index, int claim_index);
    // The claim of the selected quote that the reader chose (a click, claim=N in a link), else its first checkable
    // claim, else 0. What the embed card, the Embed snippet and the summary talk about.
    int selected_claim() const;
    bool select_claim(int claim_index); // false when the selected quote has no such claim
    // With the English interface a quote shows its English translation under the original unless the reader turned
    // translations off (a saved setting); a card's own Show/Hide button overrides that for the card. Other languages
    // show a translation only when its card asks.
    bool translation_shown(int quote_index) const;
    void set_translation_shown(int quote_index, bool shown);
    bool translations_default() const { return translations_default_; } // the setting (default on)
    void set_translations_default(bool shown);                          // also forgets the cards' own choices
    const std::string& topic_filter() const { return topic_filter_; }   // "" = all topics
    void set_topic_filter(const std::string& topic);

    // --- Guided tour ----------------------------------------------------------------------------------------------
    const TourNavigator& tour_nav() const { return tour_nav_; }
    bool touring() const { return tour_nav_.mode() == TourMode::touring && view_ != View::embed; }
    // Applies a command (next, previous, skip, restart, start, resume); a step loads its scenario and quote.
    bool tour_command(TourCommand command);
    bool tour_open_step(std::size_t index); // a presenter's link: go to a step and load it
    // Step `index`'s text in the reader's language with its model numbers written by the reader's formatter, the
    // same way the results cards write them (session/tour_text.h); "" for an index out of range.
    std::string tour_step_body(std::size_t index) const;
    // Restores where the reader left the tour (saved settings), without loading a step.
    void restore_tour(TourMode mode, std::size_t step, std::size_t resume_step);

    // --- Notices --------------------------------------------------------------------------------------------------
    // Dismissible messages (bad link values, refused changes). Each is cut to one short printable line without
    // control or bidi characters; at most kMaxNotices are kept, the rest counted in one closing line.
    const std::vector<std::string>& notices() const { return notices_; }
    void notice(const std::string& text);
    void dismiss_notices();

    // --- Revisions: compare with a value seen before to know whether to redraw, save or sync -----------------------
    std::uint64_t revision() const { return revision_; }                   // anything the page shows or links to
    std::uint64_t scenario_revision() const { return scenario_revision_; } // the scenario and its results
    std::uint64_t settings_revision() const { return settings_revision_; } // the reader's saved settings
    std::uint64_t reveal_revision() const { return reveal_revision_; }     // bring the selected quote into view
    std::uint64_t tour_revision() const { return tour_revision_; }         // the tour changed step or mode

  private:
    void check_claims();
    void recompute(); // the estimate and chart data of scenario_, once per change
    void rebuild_formatter();
    void changed() { ++revision_; }
    void settings_changed() {
        ++settings_revision_;
        ++revision_;
    }
    void load_shown_tour_step();
    void after_tour_change();

    // Content
    bool loaded_ = false;
    ContentErrors load_errors_;
    StringTable strings_;
    GpuCatalog gpus_;
    PresetCatalog presets_;
    QuoteLibrary library_;
    Tour tour_;
    CurrencyRate rate_;
    std::vector<CheckedQuote> quotes_;
    ClaimBook claim_book_;

    // Scenario and results
    Scenario scenario_;
    std::string preset_id_ = "deepseek-v3";
    Estimate result_;
    const GpuSpec* gpu_ = nullptr;
    Estimate v3_baseline_;
    mutable ChartData charts_; // valid when !charts_stale_ (charts())
    mutable bool charts_stale_ = false;
    std::vector<std::string> compare_gpus_ = default_compare_gpus();
    std::string last_changed_key_;

    // Reader settings
    Lang lang_ = Lang::en;
    Currency currency_ = Currency::usd;
    ThemeChoice theme_choice_ = ThemeChoice::system;
    ThemeKind system_theme_ = ThemeKind::light;
    bool reduced_motion_ = false;
    float ui_scale_ = 1.0f;
    bool presenter_ = false;
    View view_ = View::full;
    bool view_locked_ = false;
    Formatter fmt_;

    // Selection and tour
    int selected_quote_ = 0;
    int chosen_claim_ = -1;                      // selected_claim() when the reader chose one; -1 = the first checkable
    std::vector<signed char> translation_shown_; // per quote: -1 = follow the setting, 0 hidden, 1 shown
    bool translations_default_ = true;
    std::string topic_filter_;
    TourNavigator tour_nav_;

    std::vector<std::string> notices_;
    std::size_t notices_dropped_ = 0; // beyond kMaxNotices, counted in the last line

    std::uint64_t revision_ = 0;
    std::uint64_t scenario_revision_ = 0;
    std::uint64_t settings_revision_ = 0;
    std::uint64_t reveal_revision_ = 0;
    std::uint64_t tour_revision_ = 0;
};

} // namespace chips
