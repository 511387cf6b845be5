// tests/ui/test_support.h — the content the UI tests load (every content/*.json, as the build validates it).
#pragma once
#include "model/content/content_bundle.h"
#include "native/file_io.h"

#include <string>

namespace chips::ui::test {

inline ContentTexts content_texts() {
    return read_json_files(CHIPS_CONTENT_DIR);
}

} // namespace chips::ui::test
