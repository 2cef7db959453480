#include "ingest/detail/xml_budget.h"

#include <cstring>

namespace saraban::ingest::detail {

XmlBudget::Over XmlBudget::feed(std::string_view bytes) {
    const char* at = bytes.data();
    const char* const end = at + bytes.size();
    while (at < end) {
        if (state_ == State::text) {  // the common case, found by memchr: text up to the next tag
            const char* lt = static_cast<const char*>(std::memchr(at, '<', std::size_t(end - at)));
            if (lt != at) text_pending_ = true;
            if (!lt) return Over::none;
            at = lt;
        }
        if (Over over = step(*at++); over != Over::none) return over;
    }
    return Over::none;
}

XmlBudget::Over XmlBudget::start_element() {
    if (++nodes_ > limits_.max_xml_nodes) return Over::nodes;
    if (++depth_ > limits_.max_xml_depth) return Over::depth;
    return Over::none;
}

// One byte of markup: the states follow XML's lexical rules just far enough to find where elements, attributes
// and text runs begin, whatever the names or values. Markup pugixml would reject is counted as something; the
// parse then fails anyway.
XmlBudget::Over XmlBudget::step(char c) {
    switch (state_) {
        case State::text:  // c is '<'
            state_ = State::open;
            if (text_pending_) {
                text_pending_ = false;
                if (++nodes_ > limits_.max_xml_nodes) return Over::nodes;
            }
            return Over::none;
        case State::open:
            if (c == '/') {
                state_ = State::end_tag;
            } else if (c == '!') {
                state_ = State::bang;
                matched_ = 0;
            } else if (c == '?') {
                state_ = State::instruction;
                matched_ = 0;
            } else {
                state_ = State::tag;
                previous_ = c;
                return start_element();
            }
            return Over::none;
        case State::tag:
            if (c == '>') {
                if (previous_ == '/') --depth_;
                state_ = State::text;
            } else if (c == '"' || c == '\'') {
                quote_ = c;
                state_ = State::quoted;
            } else if (c == '=' && ++attributes_ > limits_.max_xml_attributes) {
                return Over::attributes;
            }
            previous_ = c;
            return Over::none;
        case State::quoted:
            if (c == quote_) state_ = State::tag;
            previous_ = c;
            return Over::none;
        case State::end_tag:
            if (c == '>') {
                --depth_;
                state_ = State::text;
            }
            return Over::none;
        case State::bang:  // after "<!": a comment, a CDATA section, or a DTD's declaration
            if (matched_ == 0) {
                expected_ = c == '-' ? "--" : c == '[' ? "[CDATA[" : c == 'D' ? "DOCTYPE" : c == 'E' ? "ENTITY" : "";
                if (expected_.empty()) {
                    state_ = State::text;  // not XML: pugixml refuses it
                    return Over::none;
                }
            }
            if (c != expected_[std::size_t(matched_)]) {
                state_ = State::text;
                return Over::none;
            }
            if (std::size_t(++matched_) < expected_.size()) return Over::none;
            matched_ = 0;
            if (expected_ == "--") {
                state_ = State::comment;
            } else if (expected_ == "[CDATA[") {
                state_ = State::cdata;
                if (++nodes_ > limits_.max_xml_nodes) return Over::nodes;
            } else {
                return Over::dtd;
            }
            return Over::none;
        case State::comment:  // up to "-->"
            if (c == '>' && matched_ >= 2) state_ = State::text;
            matched_ = c == '-' ? matched_ + 1 : 0;
            return Over::none;
        case State::cdata:  // up to "]]>"
            if (c == '>' && matched_ >= 2) state_ = State::text;
            matched_ = c == ']' ? matched_ + 1 : 0;
            return Over::none;
        case State::instruction:  // up to "?>"
            if (c == '>' && matched_ >= 1) state_ = State::text;
            matched_ = c == '?' ? 1 : 0;
            return Over::none;
    }
    return Over::none;
}

}  // namespace saraban::ingest::detail
