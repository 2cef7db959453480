// Flate (zlib format) compression of whole buffers for the PDF's streams, with libdeflate: about twice as fast
// as zlib at the same ratio (libharu's own route deflates at zlib's default level through a 4 KB buffer).
#pragma once

#include <string>
#include <string_view>

namespace saraban::render::detail {

// data as a zlib stream (/FlateDecode). Deterministic; thread-safe (one compressor per thread).
std::string flate(std::string_view data);

}  // namespace saraban::render::detail
