// model/content/tour.h — the guided tour of content/tour.json: 6–8 authored steps, each setting a scenario, pointing at
// one control and saying one or two sentences in en / zh-Hans / zh-Hant; after the last step the reader is in free
// play.
//
// Index
// - [SECTION] Content: TourStep, Tour, load_tour
// - [SECTION] Cross-file checks (presets, quotes, controls) used by validate_all
// - [SECTION] Navigation: TourNavigator (next / previous / skip / resume / permalink), platform-free
//
// The UI draws the overlay and maps keys to TourCommand; everything that decides *which* step is shown lives here,
// so the native tests and the browser tests agree on it. Schema and the steps: docs/journeys.md "Guided tour".
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/core/content_error.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Content
//-----------------------------------------------------------------------------------------------------------------

inline constexpr std::size_t kTourMinSteps = 6; // the issue: "a tour of 6–8 steps"
inline constexpr std::size_t kTourMaxSteps = 8; // two minutes for a first-time reader

struct TourStep {
    std::string id;           // stable id, lower-case letters/digits/'-' ("chips-vs-days"); used in permalinks
    std::size_t position = 0; // index in /steps (for error pointers)
    ScenarioRef scenario;     // preset + overrides (CLI --set text form) loaded when the step opens
    std::string quote;        // quote id from content/quotes.json to select, "" = keep the current selection
    std::string control;      // the one control to touch: a scenario key ("chips"), "quote", "results" or
                              // "result.<output key>" (see tour_control_kind)
    LocalizedText title;      // a few words
    LocalizedText body;       // one or two sentences
};

struct Tour {
    std::vector<TourStep> steps; // in presentation order

    // Index of the step with `id`, or -1.
    int find(std::string_view id) const;
};

// Parses content/tour.json: {"schema_version": 1, "steps": [{"id", "scenario": {"preset", "overrides"}, "quote"?,
// "control", "title": {en, zh-Hans, zh-Hant}, "body": {...}}]}. Reports invalid JSON, unknown fields, missing or
// empty fields, bad ids, duplicate ids, missing translations, override values of the wrong JSON type, and a step
// count outside 6..8, each with `file_name` and a JSON pointer. Returns false if any error was added.
bool load_tour(std::string_view json_text, const std::string& file_name, Tour& tour_out, ContentErrors& errors);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Cross-file checks
//-----------------------------------------------------------------------------------------------------------------

enum class TourControlKind {
    invalid,       // none of the below
    scenario_key,  // a scenario key of docs/contract.md ("chips", "gpu", "overlap", ...)
    quote,         // "quote": the quote card of the step's `quote` (which must be set)
    results,       // "results": the results panel as a whole
    result_output, // "result.<output key>": one headline result ("result.cluster_purchase_usd")
};

// Classifies a control id. The UI records the same ids in control_rect_json (scenario keys, "result.<key>", and
// "quote:<quote id>" for the card that "quote" points at).
TourControlKind tour_control_kind(std::string_view control);

// Checks every step against the other content files: preset ids (`preset_ids`, from presets.json), quote ids
// (`quotes`), control ids, "quote" controls without a quote, and — when `presets`/`catalog` are given (non-null) —
// builds each step's scenario with the model's codec (unknown keys, ranges, cross-key rules). Errors name
// `tour_file` and the step's pointer.
void check_tour_references(const Tour& tour, const std::string& tour_file,
                           const std::map<std::string, std::size_t>& preset_ids, const QuoteLibrary& quotes,
                           const PresetCatalog* presets, const GpuCatalog* catalog, ContentErrors& errors);

// The scenario of step `index`: its preset with its overrides applied. False (with errors) for an unknown preset,
// a bad override, or an index out of range.
bool build_tour_scenario(const Tour& tour, std::size_t index, const PresetCatalog& presets, const GpuCatalog& catalog,
                         Scenario& scenario_out, ContentErrors& errors);

// String keys the tour overlay needs (strings.json must have each; validate_all checks it).
const std::vector<std::string>& tour_string_keys();

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Navigation
//-----------------------------------------------------------------------------------------------------------------

enum class TourCommand {
    next,     // → / PageDown / Space / "Next": the next step; after the last one, free play
    previous, // ← / PageUp / "Back": the previous step (nothing on the first)
    skip,     // Esc / "Skip tour": free play now, remembering the step for resume
    resume,   // "Resume tour": back to the remembered step
    restart,  // "Start tour" / Home: step 1
};

enum class TourMode {
    not_started, // first visit: the overlay offers "Start tour"
    touring,     // a step is shown
    free_play,   // skipped or finished; "Resume tour" is offered while resume_step() < step_count()
};

class TourNavigator {
  public:
    explicit TourNavigator(std::size_t step_count = 0) : step_count_(step_count) {}

    // Applies a command. Returns true when the visible step (or mode) changed, i.e. the caller must load the
    // step's scenario / quote or close the overlay.
    bool apply(TourCommand command);

    // Opens step `index` directly (a permalink "tour=<id>"); false for an index out of range.
    bool go_to(std::size_t index);

    TourMode mode() const { return mode_; }
    std::size_t step() const { return step_; }               // current step while touring, else the last shown
    std::size_t resume_step() const { return resume_step_; } // step "Resume" returns to; == step_count() when done
    std::size_t step_count() const { return step_count_; }
    bool finished() const { return resume_step_ >= step_count_ && mode_ == TourMode::free_play; }

    // Restores from saved settings (resume_step from settings_json); clamps out-of-range values.
    void restore(TourMode mode, std::size_t step, std::size_t resume_step);

  private:
    std::size_t step_count_ = 0; // steps in the tour
    TourMode mode_ = TourMode::not_started;
    std::size_t step_ = 0;        // index of the shown step
    std::size_t resume_step_ = 0; // where "Resume tour" goes; step_count_ once the tour was finished
};

// Permalink value for step `index`: its id ("chips-vs-days"), "" when out of range. Ids are used rather than
// numbers so a link survives steps being inserted.
std::string tour_permalink_value(const Tour& tour, std::size_t index);

// Reads a permalink value: a step id, or a 1-based step number ("3"). False (index unchanged) for anything else.
bool tour_step_from_permalink(const Tour& tour, std::string_view value, std::size_t& index_out);

} // namespace chips
