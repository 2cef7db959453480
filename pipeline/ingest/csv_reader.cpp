// CSV → the grid of cells the report reader reads. Decoding first (BOM, UTF-8, windows-874), then one pass over
// the text that splits records and fields, checking the limits as it goes.
#include "ingest/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include "ingest/input_file.h"
#include "ingest/limits.h"
#include "ingest/text.h"
#include "text/utf8.h"

namespace saraban::ingest {
namespace {

using model::CellRef;
using model::Diagnostic;
using model::Severity;

constexpr std::string_view save_as_utf8 = "บันทึกเป็น CSV UTF-8 แล้วลองใหม่ (save it as \"CSV UTF-8\")";

// ---------------------------------------------------------------------------------------------------------------
// Decoding

std::string hex_byte(unsigned char b) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", b);
    return buffer;
}

// The 1-based line of a byte offset, for messages about bytes.
int line_of(std::string_view text, std::size_t offset) {
    return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
}

// Whether s holds a well-formed UTF-8 sequence of more than one byte: text meant as UTF-8.
bool holds_utf8_sequence(std::string_view s) {
    const auto length = std::int32_t(s.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s.data(), i, length, c);
        if (c >= 0x80) return true;
    }
    return false;
}

// Bytes windows-874 defines: ASCII; €, …, curly quotes, bullet and dashes; NBSP; the Thai block (TIS-620) without
// its four unassigned bytes 0xDB–0xDE. Anything else means the text is in some other encoding.
bool is_windows_874_byte(unsigned char b) {
    if (b < 0x80) return true;
    if (b == 0x80 || b == 0x85 || (b >= 0x91 && b <= 0x97) || b == 0xA0) return true;
    return (b >= 0xA1 && b <= 0xDA) || (b >= 0xDF && b <= 0xFB);
}

std::optional<std::size_t> first_non_windows_874(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!is_windows_874_byte(static_cast<unsigned char>(s[i]))) return i;
    return std::nullopt;
}

// Converts with ICU straight into UTF-8 (through a small pivot buffer, never the whole text in UTF-16), stopping
// (not substituting) at the first byte sequence the charset does not define, or once the text passes max_bytes
// (then too_large is set).
std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* charset, std::uint64_t max_bytes,
                                           bool& too_large) {
    using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;
    UErrorCode status = U_ZERO_ERROR;
    Converter source(ucnv_open(charset, &status), ucnv_close);
    Converter target(ucnv_open("UTF-8", &status), ucnv_close);
    if (U_FAILURE(status)) return std::nullopt;
    ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::array<UChar, 4096> pivot;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    std::array<char, 64 * 1024> chunk;
    const char* in = bytes.data();
    std::string out;
    for (bool first = true;; first = false) {
        char* written = chunk.data();
        status = U_ZERO_ERROR;
        ucnv_convertEx(target.get(), source.get(), &written, chunk.data() + chunk.size(), &in,
                       bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                       pivot.data() + pivot.size(), first, true, &status);
        out.append(chunk.data(), std::size_t(written - chunk.data()));
        if (out.size() > max_bytes) {
            too_large = true;
            return std::nullopt;
        }
        if (status != U_BUFFER_OVERFLOW_ERROR) return U_SUCCESS(status) ? std::optional(std::move(out)) : std::nullopt;
    }
}

}  // namespace

DecodedText decode_text(std::span<const std::byte> bytes, std::string_view file_name, std::uint64_t max_bytes) {
    std::string_view raw(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    DecodedText out;
    auto fail = [&](int line, std::string message) {
        out.diagnostics.push_back({Severity::error, {std::string(file_name), "", line, 0}, std::move(message)});
        return out;
    };
    auto decoded = [&](std::string text, std::string encoding) {
        out.utf8 = std::move(text);
        out.encoding = std::move(encoding);
        return out;
    };
    bool too_large = false;
    auto refuse_size = [&] {
        return fail(0, "ข้อความยาวเกิน " + size_text(max_bytes) + " เมื่อแปลงเป็น UTF-8 (the text is larger than " +
                           size_text(max_bytes) + " in UTF-8)" + raise_hint("part-bytes"));
    };

    if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
        const char* charset = raw[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        if (auto text = convert_to_utf8(raw.substr(2), charset, max_bytes, too_large))
            return decoded(std::move(*text), charset);
        if (too_large) return refuse_size();
        return fail(0, std::string("ข้อความ ") + charset + " เสียหาย (broken " + charset +
                           " text: an odd number of bytes or an unpaired surrogate); " + std::string(save_as_utf8));
    }
    bool utf8_bom = raw.starts_with("\xEF\xBB\xBF");
    if (utf8_bom) raw.remove_prefix(3);
    if (raw.size() > max_bytes) return refuse_size();  // as UTF-8, or larger when decoded from windows-874
    if (auto nul = raw.find('\0'); nul != std::string_view::npos)
        return fail(line_of(raw, nul), "มีไบต์ศูนย์ ไม่ใช่ไฟล์ข้อความ หรือเป็น UTF-16 ที่ไม่มี BOM (a NUL byte: not a "
                                       "text file, or UTF-16 without a byte-order mark); " + std::string(save_as_utf8));
    const std::size_t bad = text::first_invalid_utf8(raw);  // the byte that is not UTF-8: a mostly-UTF-8 file's culprit
    if (bad == std::string_view::npos) return decoded(std::string(raw), "UTF-8");
    auto not_thai = first_non_windows_874(raw);
    if (!utf8_bom && !not_thai)
        if (auto text = convert_to_utf8(raw, "windows-874", max_bytes, too_large))
            return decoded(std::move(*text), "windows-874");
    if (too_large) return refuse_size();
    if (utf8_bom || holds_utf8_sequence(raw)) {
        out.utf8 = std::string(raw);
        out.broken_utf8 = true;
    }
    return fail(line_of(raw, bad), "อ่านข้อความไม่ได้ ไม่ใช่ UTF-8 หรือ TIS-620 (not UTF-8, UTF-16 or "
                                   "TIS-620/windows-874 text: byte " + hex_byte(static_cast<unsigned char>(raw[bad])) +
                                   " at offset " + std::to_string(bad + (utf8_bom ? 3 : 0)) + "); " +
                                   std::string(save_as_utf8));
}

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Records and fields

// The separator the header line (the first record) uses most, outside quotes: tab, semicolon or comma.
char detect_separator(std::string_view text) {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
}

// Excel's optional first line "sep=;" (also "sep=," "sep=|", and "sep=" then a tab or a written "\t") names the
// separator. Returns it and removes the line; the next line is row 1, as Excel, which hides that line, shows it.
std::optional<char> take_separator_line(std::string_view& text) {
    if (text.size() < 5 || (text.substr(0, 4) != "sep=" && text.substr(0, 4) != "SEP=")) return std::nullopt;
    std::string_view rest = text.substr(4);
    char separator = rest[0];
    std::size_t length = 1;
    if (rest.starts_with("\\t")) {
        separator = '\t';
        length = 2;
    }
    if (separator != ',' && separator != ';' && separator != '\t' && separator != '|') return std::nullopt;
    std::string_view after = rest.substr(length);
    if (!after.empty() && after[0] != '\r' && after[0] != '\n') return std::nullopt;
    if (after.starts_with("\r\n")) after.remove_prefix(2);
    else if (!after.empty()) after.remove_prefix(1);
    text = after;
    return separator;
}

// What the cells of an agency's CSV files take together, against the limits on all sheets of one input.
struct CellsRead {
    std::int64_t cells = 0;
    std::uint64_t text_bytes = 0;
};

class CsvParser {
public:
    CsvParser(std::string_view text, std::string_view file_name, const Limits& limits, CsvResult& result,
              char separator, CellsRead& read)
        : text_(text), file_(file_name), limits_(limits), result_(result), separator_(separator), read_(read) {}

    void parse() {
        std::size_t i = 0;
        while (i < text_.size()) {
            if (i - record_start_ > limits_.max_record_bytes) return fail_record_too_long();
            char c = text_[i];
            if (in_quotes_) {
                i += read_quoted(i);
            } else if (c == '"' && field_.empty() && !was_quoted_) {
                in_quotes_ = was_quoted_ = true;
                quote_row_ = row_;
                ++i;
            } else if (c == separator_) {
                if (!end_field()) return;
                ++i;
            } else if (c == '\r' || c == '\n') {
                if (!end_field()) return;
                i += (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ? 2 : 1;
                if (!next_record(i)) return;
            } else {
                field_ += c;  // a quote inside an unquoted field is kept as written, as spreadsheets do
                ++i;
            }
        }
        if (in_quotes_)
            return fail(quote_row_, 0, "เครื่องหมายคำพูด \" ไม่ได้ปิด (a quoted field opened in this row is never "
                                       "closed)");
        end_field();
    }

private:
    // Inside quotes: "" is one quote, a lone " closes the field; anything else, line breaks included, is text.
    std::size_t read_quoted(std::size_t i) {
        if (text_[i] != '"') {
            field_ += text_[i];
            return 1;
        }
        if (i + 1 < text_.size() && text_[i + 1] == '"') {
            field_ += '"';
            return 2;
        }
        in_quotes_ = false;
        return 1;
    }

    bool end_field() {
        if (col_ > limits_.max_cols) {
            fail(row_, 0, "เกิน " + std::to_string(limits_.max_cols) + " คอลัมน์ (more than " +
                              std::to_string(limits_.max_cols) + " columns)" + raise_hint("columns"));
            return false;
        }
        // A bad character is an error at its cell, which is left out; reading goes on to report every such cell.
        if (auto bad = find_bad_character(field_)) {
            fail(row_, col_, bad_character_message(*bad));
        } else if (!field_.empty()) {
            if (!within_cell_limits()) return false;
            result_.sheet.cells.push_back({row_, col_, Cell::Kind::text, to_nfc(field_), 0, false});
        }
        field_.clear();
        was_quoted_ = false;
        ++col_;
        return true;
    }

    // Checked as each cell is made, so that a file of millions of tiny cells stops before they take the memory.
    bool within_cell_limits() {
        if (++read_.cells > limits_.max_cells) {
            fail(row_, col_, "มีเซลล์ที่มีค่าเกิน " + std::to_string(limits_.max_cells) + " เซลล์ (more than " +
                                 std::to_string(limits_.max_cells) + " cells with a value)" + raise_hint("cells"));
            return false;
        }
        read_.text_bytes += field_.size();
        if (read_.text_bytes > limits_.max_total_uncompressed) {
            fail(row_, col_, "ข้อความในเซลล์รวมกันใหญ่เกินกำหนด (the cells' text adds up to more than " +
                                 std::to_string(limits_.max_total_uncompressed) + " bytes)" +
                                 raise_hint("total-bytes"));
            return false;
        }
        return true;
    }

    bool next_record(std::size_t next_start) {
        record_start_ = next_start;
        col_ = 1;
        if (++row_ > limits_.max_rows && next_start < text_.size()) {
            fail(row_, 0, "เกิน " + std::to_string(limits_.max_rows) + " แถว (more than " +
                              std::to_string(limits_.max_rows) + " rows)" + raise_hint("rows"));
            return false;
        }
        return true;
    }

    void fail_record_too_long() {
        fail(row_, 0, "แถวยาวเกิน " + size_text(limits_.max_record_bytes) + " (a row longer than " +
                          size_text(limits_.max_record_bytes) + ": a quote never closed, or not a CSV file?)" +
                          raise_hint("csv-row-bytes"));
    }

    void fail(int row, int col, std::string message) {
        result_.diagnostics.push_back(
            {Severity::error, CellRef{std::string(file_), result_.sheet.name, row, col}, std::move(message)});
    }

    std::string_view text_;
    std::string_view file_;
    const Limits& limits_;
    CsvResult& result_;
    char separator_;
    CellsRead& read_;
    std::string field_;
    int row_ = 1;
    int col_ = 1;
    std::size_t record_start_ = 0;
    bool in_quotes_ = false;
    bool was_quoted_ = false;  // the field began with a quoted part: a later quote in it is text
    int quote_row_ = 0;
};

}  // namespace

namespace {

// read_csv, the cells counted into those of the files read before.
CsvResult read_csv_counted(std::span<const std::byte> bytes, std::string_view file_name, std::string_view sheet_name,
                           const Limits& limits, CellsRead& read) {
    CsvResult result;
    result.sheet.name = to_nfc(std::string(sheet_name));
    result.sheet.source = std::string(file_name);
    DecodedText text = decode_text(bytes, file_name, limits.max_part_uncompressed);
    if (text.encoding.empty() && !text.broken_utf8) {
        result.diagnostics = std::move(text.diagnostics);
        return result;
    }
    // A UTF-8 file with bytes that are not UTF-8 is read as UTF-8 (they are never a quote, separator or line
    // break): the cells that hold them are the errors, each named.
    std::string_view content = text.utf8;
    std::optional<char> declared = take_separator_line(content);
    CsvParser(content, file_name, limits, result, declared ? *declared : detect_separator(content), read).parse();
    if (text.broken_utf8 && result) result.diagnostics = std::move(text.diagnostics);  // never left unsaid
    if (!result) result.sheet.cells.clear();
    return result;
}

}  // namespace

CsvResult read_csv(std::span<const std::byte> bytes, std::string_view file_name, std::string_view sheet_name,
                   const Limits& limits) {
    CellsRead read;
    return read_csv_counted(bytes, file_name, sheet_name, limits, read);
}

std::vector<std::string> csv_files_in(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        std::string ext = lower_extension(entry.path());
        if (name.starts_with(".") || name.starts_with("~$") || (ext != ".csv" && ext != ".tsv")) continue;
        if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

XlsxResult read_csv_folder(const std::string& folder, const Limits& limits) {
    XlsxResult result;
    auto refuse = [&](std::string message) {
        result.diagnostics.push_back({Severity::error, {folder, "", 0, 0}, std::move(message)});
        return result;
    };
    std::vector<std::string> files = csv_files_in(folder);
    if (files.empty())
        return refuse("ไม่มีไฟล์ .csv ในโฟลเดอร์ (no .csv file in the folder: expected หนังสือ.csv, คะแนน.csv, "
                      "มาตรการ.csv)");
    if (files.size() > std::size_t(limits.max_files))
        return refuse("มีไฟล์ .csv เกิน " + std::to_string(limits.max_files) + " ไฟล์ (more than " +
                      std::to_string(limits.max_files) + " .csv files in the folder)" + raise_hint("csv-files"));
    CellsRead read;
    for (const std::string& path : files) {
        auto bytes = read_input_file(path, limits.max_file_bytes, result.diagnostics);
        if (!bytes) continue;
        CsvResult csv = read_csv_counted(*bytes, path, std::filesystem::path(path).stem().string(), limits, read);
        result.diagnostics.insert(result.diagnostics.end(), csv.diagnostics.begin(), csv.diagnostics.end());
        if (csv) result.workbook.sheets.push_back(std::move(csv.sheet));
        if (read.cells > limits.max_cells || read.text_bytes > limits.max_total_uncompressed) break;  // said once
    }
    if (model::has_error(result.diagnostics)) result.workbook = {};  // every broken file is reported, none is read
    return result;
}

}  // namespace saraban::ingest
