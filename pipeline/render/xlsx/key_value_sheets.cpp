// The key | value sheets: หนังสือ (every memo field), ตัวแปร (the template variables) and the hidden _saraban
// sheet (where the workbook came from). Keys are the contract's Thai names, as staff write them; ingest matches
// them as it matches the English keys, which หนังสือ also holds in a hidden column C.
#include <filesystem>
#include <map>
#include <string_view>

#include "model/input_contract.h"

#include "render/xlsx/detail/sheets.h"
#include "render/xlsx/tracking_workbook.h"

namespace saraban::render::xlsx_detail {
namespace {

// The header row and the two columns' widths and formats.
void start_key_value_sheet(Sheet& sheet, const std::vector<std::string>& keys, double value_width) {
    const Formats& f = sheet.book().formats();
    std::vector<std::string> with_header = keys;
    with_header.push_back("คีย์");
    sheet.column(0, 0, column_width(with_header, 12, 40), f.text);
    sheet.column(1, 1, value_width, f.text);
    sheet.text(0, 0, "คีย์", f.header);
    sheet.text(0, 1, "ค่า", f.header);
    if (sheet.get()) worksheet_freeze_panes(sheet.get(), 1, 0);
}

// Column C of หนังสือ, hidden: each key's English name, which ingest reads when staff have retyped the Thai key
// (read_memo), as the table sheets' hidden key row serves their headers.
constexpr lxw_col_t english_key_col = 2;

void hide_english_keys(Sheet& sheet) {
    if (!sheet.get()) return;
    lxw_row_col_options hidden = {};
    hidden.hidden = LXW_TRUE;
    sheet.check(worksheet_set_column_opt(sheet.get(), english_key_col, english_key_col, 20, nullptr, &hidden),
                "worksheet_set_column_opt", "column C");
    sheet.text(0, english_key_col, "key", sheet.book().formats().plain_text);
}

}  // namespace

void write_memo_sheet(Book& book, const model::Report& report) {
    Sheet sheet = book.add_sheet(memo_sheet_name);
    const Formats& f = book.formats();
    const model::MemoHeader& m = report.memo;
    // Every key of the contract (model/input_contract.h), optional ones too (empty), so that staff see where to
    // write them; in the contract's order, labelled as the contract labels them.
    enum class Kind { text, date, integer };
    struct Field {
        std::string key;
        std::string english;
        Kind kind;
        const std::string* text;
        int number;
    };
    std::map<std::string_view, const std::string*> texts;
    for (const auto& [key, field] : model::memo_text_fields()) texts[key] = &(m.*field);
    std::vector<Field> fields;
    for (const model::contract::Name& name : model::contract::memo_keys()) {
        const std::string key(name.thai), english(name.key);
        if (name.key == "date") fields.push_back({key, english, Kind::date, nullptr, 0});
        else if (name.key == "fiscal_year") fields.push_back({key, english, Kind::integer, nullptr, m.fiscal_year_be});
        else if (name.key == "round") fields.push_back({key, english, Kind::integer, nullptr, m.round_months});
        else fields.push_back({key, english, Kind::text, texts.at(name.key), 0});
    }
    std::vector<std::string> keys;
    for (const Field& field : fields) keys.emplace_back(field.key);
    start_key_value_sheet(sheet, keys, 90);
    hide_english_keys(sheet);

    lxw_row_t row = 1;
    for (const Field& field : fields) {
        sheet.text(row, 0, field.key, f.text);
        sheet.text(row, english_key_col, field.english, f.plain_text);  // unwrapped: adds no height to its row
        switch (field.kind) {
            case Kind::text: sheet.text(row, 1, *field.text, f.text); break;
            case Kind::date:
                if (m.date.year > 0) sheet.date(row, 1, m.date, f.date);
                break;
            case Kind::integer:
                if (field.number != 0) sheet.number(row, 1, field.number, f.left_integer);  // by its label
                break;
        }
        ++row;
    }
    sheet.set_row_heights();
    set_up_printing(sheet, {page_header_text(report), page_round_text(report)}, 1);
}

void write_variables_sheet(Book& book, const model::Report& report) {
    Sheet sheet = book.add_sheet(variables_sheet_name);
    const Formats& f = book.formats();
    std::vector<std::string> keys;
    for (const auto& [key, value] : report.variables) keys.push_back(key);
    start_key_value_sheet(sheet, keys, 60);
    lxw_row_t row = 1;
    for (const auto& [key, value] : report.variables) {
        // Values stay text, as the model holds them: "๓๐" and "2021-02-16" read back unchanged.
        sheet.text(row, 0, key, f.text);
        sheet.text(row, 1, value, f.text);
        ++row;
    }
    sheet.set_row_heights();
    set_up_printing(sheet, {page_header_text(report), page_round_text(report)}, 1);
}

void write_metadata_sheet(Book& book, const model::Report& report, const compose::RoundChanges* changes) {
    Sheet sheet = book.add_sheet(metadata_sheet_name);
    const Formats& f = book.formats();
    const std::string source = std::filesystem::path(report.source).filename().string();
    struct Entry {
        const char* key;
        std::string text;
        int number;
    };
    std::vector<Entry> entries = {
        {"format_version", "", tracking_workbook_format_version},
        {"generator", "saraban", 0},
        {"agency", report.memo.agency, 0},
        {"agency_abbr", report.memo.agency_abbr, 0},
        {"fiscal_year", "", report.memo.fiscal_year_be},
        {"round", "", report.memo.round_months},
        {"source", source, 0},
    };
    // The round the change column compares with.
    if (changes) {
        entries.push_back({"previous_fiscal_year", "", changes->previous_fiscal_year_be});
        entries.push_back({"previous_round", "", changes->previous_round_months});
    }
    std::vector<std::string> keys;
    for (const Entry& e : entries) keys.emplace_back(e.key);
    start_key_value_sheet(sheet, keys, 60);
    lxw_row_t row = 1;
    for (const Entry& e : entries) {
        sheet.text(row, 0, e.key, f.text);
        if (e.text.empty()) sheet.number(row, 1, e.number, f.text);
        else sheet.text(row, 1, e.text, f.text);
        ++row;
    }
    if (lxw_worksheet* ws = sheet.get()) {
        worksheet_hide(ws);
        // Protected without a password: a sheet staff unhide by mistake is not edited by mistake too.
        worksheet_protect(ws, nullptr, nullptr);
    }

    // The same facts as custom document properties (File > Properties > Custom), for tools that do not read
    // sheets.
    lxw_workbook* wb = book.get();
    book.check(workbook_set_custom_property_integer(wb, "saraban_format_version", tracking_workbook_format_version),
               "workbook_set_custom_property_integer", "custom property saraban_format_version");
    auto text_property = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        book.check(workbook_set_custom_property_string(wb, name, value.c_str()),
                   "workbook_set_custom_property_string", std::string("custom property ") + name);
    };
    auto number_property = [&](const char* name, int value) {
        book.check(workbook_set_custom_property_integer(wb, name, value), "workbook_set_custom_property_integer",
                   std::string("custom property ") + name);
    };
    text_property("saraban_agency", report.memo.agency);
    number_property("saraban_fiscal_year", report.memo.fiscal_year_be);
    number_property("saraban_round", report.memo.round_months);
    text_property("saraban_source", source);
}

}  // namespace saraban::render::xlsx_detail
