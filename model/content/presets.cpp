// model/content/presets.cpp — loader for content/presets.json. See presets.h.
#include "model/content/presets.h"
#include "model/content/scenario_json.h"
#include "model/content/scenario_json_fields.h"

namespace chips {

const Preset* PresetCatalog::find(const std::string& id) const {
    for (const Preset& preset : presets)
        if (preset.id == id) return &preset;
    return nullptr;
}

std::string PresetCatalog::id_list() const {
    std::string list;
    for (const Preset& preset : presets)
        list += (list.empty() ? "" : ", ") + preset.id;
    return list;
}

static bool read_localized(const json_fields::Context& context, const nlohmann::json& object,
                           const std::string& pointer, const char* key, LocalizedText& out) {
    auto found = object.find(key);
    std::string here = json_fields::child(pointer, key);
    if (found == object.end() || !found->is_object()) {
        context.fail(here, "expected an object {\"en\", \"zh-Hans\", \"zh-Hant\"}");
        return false;
    }
    bool ok = json_fields::read_string(context, *found, here, "en", out.en);
    ok = json_fields::read_string(context, *found, here, "zh-Hans", out.zh_hans) && ok;
    ok = json_fields::read_string(context, *found, here, "zh-Hant", out.zh_hant) && ok;
    return ok;
}

bool load_presets(const std::string& json_text, const std::string& file_name, const GpuCatalog& catalog,
                  PresetCatalog& presets, ContentErrors& errors) {
    const size_t errors_before = errors.size();
    json_fields::Context context{file_name, errors};
    nlohmann::json document = json_fields::parse_text(json_text, context);
    if (document.is_discarded()) return false;
    auto list = document.is_object() ? document.find("presets") : document.end();
    if (!document.is_object() || list == document.end() || !list->is_array()) {
        context.fail("/presets", "expected {\"presets\": [ ... ]}");
        return false;
    }
    presets.presets.clear();
    for (size_t index = 0; index < list->size(); ++index) {
        const nlohmann::json& entry = (*list)[index];
        const std::string pointer = "/presets/" + std::to_string(index);
        if (!entry.is_object()) {
            context.fail(pointer, "expected an object");
            continue;
        }
        Preset preset;
        bool ok = json_fields::read_string(context, entry, pointer, "id", preset.id);
        ok = read_localized(context, entry, pointer, "name", preset.name) && ok;
        if (entry.contains("short_name"))
            ok = read_localized(context, entry, pointer, "short_name", preset.short_name) && ok;
        else
            preset.short_name = preset.name;
        ok = read_localized(context, entry, pointer, "notes", preset.notes) && ok;
        ok = json_fields::read_sources(context, entry, pointer, preset.sources) && ok;
        auto scenario = entry.find("scenario");
        if (scenario == entry.end()) {
            context.fail(pointer + "/scenario", "missing (expected an object of scenario keys)");
            ok = false;
        } else {
            ok =
                scenario_from_json(*scenario, preset.scenario, file_name, pointer + "/scenario", catalog, errors) && ok;
        }
        if (ok && presets.find(preset.id)) {
            context.fail(pointer + "/id", "duplicate id \"" + preset.id + "\"");
            ok = false;
        }
        if (ok) presets.presets.push_back(std::move(preset));
    }
    return errors.size() == errors_before;
}

bool build_scenario(const PresetCatalog& presets, const std::string& preset_id, const nlohmann::json& overrides,
                    const GpuCatalog& catalog, const std::string& source, const std::string& pointer_prefix,
                    Scenario& out, ContentErrors& errors) {
    const Preset* preset = presets.find(preset_id);
    if (preset == nullptr) {
        errors.push_back(ContentError{source, pointer_prefix.empty() ? "preset" : pointer_prefix,
                                      "unknown preset \"" + preset_id + "\"; allowed: " + presets.id_list()});
        return false;
    }
    Scenario scenario = preset->scenario;
    if (!overrides.is_null() && !scenario_from_json(overrides, scenario, source, pointer_prefix, catalog, errors))
        return false;
    out = scenario;
    return true;
}

} // namespace chips
