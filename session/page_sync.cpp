// session/page_sync.cpp — see page_sync.h.
#include "session/page_sync.h"

#include "session/permalink.h"
#include "session/settings.h"
#include "session/summary.h"

#include <nlohmann/json.hpp>

namespace chips {

PageMessage page_message(const Session& session) {
    PageMessage message;
    message.query = permalink_query(session);
    message.full_page_query = permalink_query(session, View::full);
    message.language = lang_code(session.lang());
    const bool has_quote = !session.quotes().empty();
    message.quote = has_quote ? session.quotes()[session.selected_quote()].quote->id : "";
    message.needs_traditional = session.lang() == Lang::zh_hant ||
                                (has_quote && session.quotes()[session.selected_quote()].quote->script == "zh-Hant");
    message.view = view_name(session.view());
    message.tour_step = session.touring() ? static_cast<int>(session.tour_nav().step()) : -1;
    message.summary = accessible_summary(session);
    message.settings = settings_json(session);
    message.notice_count = session.notices().size();
    return message;
}

std::string PageMessage::to_json() const {
    return nlohmann::json{{"query", query},
                          {"full_page_query", full_page_query},
                          {"language", language},
                          {"quote", quote},
                          {"needs_traditional", needs_traditional},
                          {"view", view},
                          {"tour_step", tour_step},
                          {"summary", summary},
                          {"settings", settings},
                          {"notice_count", notice_count}}
        .dump();
}

bool PageMessage::operator==(const PageMessage& other) const {
    return query == other.query && full_page_query == other.full_page_query && language == other.language &&
           quote == other.quote && needs_traditional == other.needs_traditional && view == other.view &&
           tour_step == other.tour_step && summary == other.summary && settings == other.settings &&
           notice_count == other.notice_count;
}

} // namespace chips
