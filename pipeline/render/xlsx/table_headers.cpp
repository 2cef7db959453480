// The two header rows of the tracking workbook's table sheets: a hidden row of English keys, which the reader
// matches first (ingest/report_reader.cpp, read_header), and the Thai headers staff see. Thai only on screen and
// paper, as staff write them; the key still names each column for saraban if staff retype a header. A hidden row
// is kept as it is by LibreOffice and Excel when they save (a comment or a defined name would need a reader of
// its own in both the xlsx and the ods reader).
#include <algorithm>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

std::string thai_name(const std::vector<model::contract::Name>& table, std::string_view key) {
    auto it = std::find_if(table.begin(), table.end(), [&](const auto& n) { return n.key == key; });
    return it == table.end() ? std::string(key) : std::string(it->thai);
}

void write_table_headers(Sheet& sheet, const std::vector<TableHeader>& headers) {
    const Formats& f = sheet.book().formats();
    for (lxw_col_t c = 0; c < headers.size(); ++c) {
        sheet.text(key_row, c, headers[c].key, f.text);
        sheet.text(header_row, c, headers[c].thai, f.header);
    }
}

void hide_key_row(Sheet& sheet) {
    if (!sheet.get()) return;
    lxw_row_col_options hidden = {};
    hidden.hidden = LXW_TRUE;
    sheet.check(worksheet_set_row_opt(sheet.get(), key_row, one_line_height, nullptr, &hidden),
                "worksheet_set_row_opt", "row 1");
}

}  // namespace saraban::render::xlsx_detail
