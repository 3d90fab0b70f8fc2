// SHA-256 of a report's bytes, so a finding can name exactly the file it is about. Computed by
// OpenSSL's libcrypto (maintained, and fast on every CPU it knows) rather than by our own code.
#pragma once

#include <string>
#include <string_view>

namespace doisoat {

/// Lowercase hex digest.
std::string sha256_hex(std::string_view bytes);

}  // namespace doisoat
