// Internal to ingest: a streaming count of what an XML part would make of pugixml's tree, run over the bytes as they
// inflate. pugixml builds the whole tree before a reader sees it (about 64 bytes an element or text run, 40 an
// attribute), so 128 KB of zip holding 30 million empty elements would cost gigabytes: the count refuses such a
// part while it is still being inflated, for the price of one look at each byte.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/limits.h"

namespace saraban::ingest::detail {

class XmlBudget {
public:
    enum class Over { none, nodes, attributes, depth, dtd };

    explicit XmlBudget(const Limits& limits) : limits_(limits) {}

    // Counts the next bytes of the part; returns the first limit they pass (then stop feeding), or none. A DTD
    // (<!DOCTYPE, <!ENTITY) is refused here too: billion laughs and external entities live in it, and neither
    // format ever has one.
    Over feed(std::string_view bytes);

    std::int64_t nodes() const { return nodes_; }

private:
    enum class State { text, open, tag, quoted, end_tag, bang, comment, cdata, instruction };

    Over start_element();
    Over step(char c);

    const Limits& limits_;
    State state_ = State::text;
    std::int64_t nodes_ = 0;       // elements, text runs and CDATA sections
    std::int64_t attributes_ = 0;
    int depth_ = 0;
    bool text_pending_ = false;    // bytes since the last markup: pugixml makes them a text node
    char quote_ = 0;               // the quote an attribute value is in
    char previous_ = 0;            // the last byte of a start tag before '>': '/' closes it at once
    int matched_ = 0;              // bytes of "<!--", "-->", "]]>", "?>" or "<![CDATA[" matched so far
    std::string_view expected_;    // what bang is matching
};

}  // namespace saraban::ingest::detail
