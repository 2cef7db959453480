// The template parser and expander on any text, with the values of inputs/sample.xlsx offered (read once) and the
// names saraban computes given, as a run composes a memo. Attachments resolve in templates/. The answer is a
// document or diagnostics at file:line:column, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "compose/memo.h"
#include "compose/template.h"
#include "ingest/report_reader.h"

namespace {

const saraban::compose::TemplateRecord& sample_values() {
    static const saraban::compose::TemplateRecord values = [] {
        auto read = saraban::ingest::read_report_file(SARABAN_SOURCE_DIR "/inputs/sample.xlsx");
        if (!read) {
            std::cerr << "fuzz_template: cannot read inputs/sample.xlsx\n";
            std::abort();
        }
        return saraban::compose::memo_values(read.report);
    }();
    return values;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string xml(reinterpret_cast<const char*>(data), size);
    saraban::compose::ExpandOptions options;
    options.computed_names = &saraban::compose::memo_names();
    (void)saraban::compose::expand_template_text(xml, SARABAN_SOURCE_DIR "/templates/fuzz.xml", sample_values(),
                                                 options);
    return 0;
}
