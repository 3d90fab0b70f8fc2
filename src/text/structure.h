// Section tree and sentences over the blocks of a Document.
#pragma once

#include <string_view>
#include <vector>

#include "core/model.h"

namespace doisoat {

/// Heading levels from their numbering styles (the order in which styles nest in this
/// document), sections with parents, and each block's enclosing section.
void build_sections(Document& doc, const std::vector<int>& heading_style);

/// Sentences of every block. Never splits inside "1.234,5", "4.0", "TP. Bắc Kạn", "ThS.", "v.v.".
void split_sentences(Document& doc);

/// Sentence spans of one piece of clean text [b, e) (exposed for tests).
std::vector<Span> sentence_spans(std::string_view text, uint32_t b, uint32_t e);

}  // namespace doisoat
