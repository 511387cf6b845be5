// session/tour_text.h — the numbers in a tour step's text, written by the same formatter as the results cards
// (model/text/formatter.h), so a step can never say "76 days" while the card beside it says "2.5 months".
//
// content/tour.json writes a model number as a placeholder:
//   {output_key}                     the step's scenario: the output's central value   {training_days}
//   {output_key:range}               its low–high range                               {rental_cost_usd:range}
//   {output_key@key=value;key=value} the same output with scenario keys changed on top of the step's scenario
//                                    (the --set text forms: {training_days@gpu=h100},
//                                    {rental_cost_usd@experts_active=16})
// The kind of quantity comes from the output's unit (quantity_for_unit), exactly as ui/panel_results.cpp picks it.
// Reported figures (DeepSeek's $5.576M, 2,788K GPU-hours) stay literal text: they are sources, not model output.
#pragma once
#include "model/core/types.h"
#include "model/engine/scenario.h"
#include "model/text/formatter.h"

#include <string>

namespace chips {

// Replaces every placeholder in `text`. On an unknown output, key or value, the placeholder is left as it is and
// `error_out` (when given) names it; text without placeholders comes back unchanged.
std::string fill_tour_numbers(const std::string& text, const Scenario& step_scenario, const GpuCatalog& gpus,
                              const Formatter& fmt, std::string* error_out = nullptr);

// The output the first placeholder of `text` names ("training_days" for "{training_days@gpu=h100}"), "" when none:
// the result a step talks about, which the tour keeps on screen next to the step's control.
std::string first_output_placeholder(const std::string& text);

} // namespace chips
