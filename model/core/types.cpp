// model/core/types.cpp — see types.h.
#include "model/core/types.h"

namespace chips {

const GpuSpec* GpuCatalog::find(const std::string& id) const {
    for (const GpuSpec& gpu : gpus)
        if (gpu.id == id) return &gpu;
    return nullptr;
}

std::string GpuCatalog::id_list() const {
    std::string list;
    for (const GpuSpec& gpu : gpus)
        list += (list.empty() ? "" : ", ") + gpu.id;
    return list;
}

} // namespace chips
