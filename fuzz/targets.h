// One input through one fuzz target's code (fuzz/targets.cpp). Each returns 0; a bug is a
// crash, a sanitizer report or a trap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace doisoat::fuzz {

int load(const uint8_t* data, size_t size);
int docx(const uint8_t* data, size_t size);
int number(const uint8_t* data, size_t size);
int claims(const uint8_t* data, size_t size);
int config(const uint8_t* data, size_t size);

/// The function of a target by its name ("fuzz_claims" or "claims"); nullptr when unknown.
using Target = int (*)(const uint8_t*, size_t);
Target target(const std::string& name);

}  // namespace doisoat::fuzz
