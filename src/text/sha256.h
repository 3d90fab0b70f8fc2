// SHA-256 of a report's bytes (FIPS 180-4), so a finding can name exactly the file it is about.
#pragma once

#include <string>
#include <string_view>

namespace doisoat {

/// Lowercase hex digest.
std::string sha256_hex(std::string_view bytes);

/// The same digest without the CPU's SHA extensions (the reference the tests compare with).
std::string sha256_hex_portable(std::string_view bytes);

}  // namespace doisoat
