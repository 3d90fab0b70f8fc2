// .docx: a zip of WordprocessingML parts. Only word/document.xml (the body) and
// word/footnotes.xml are read; headers and footers are page furniture and are left out.
#include "text/docx.h"

#include <zip.h>

#include <pugixml.hpp>

#include <map>
#include <memory>

#include "text/decode.h"
#include "text/utf8.h"

namespace doisoat {

namespace {

// What one document may cost (issue 14: 480 MB of XML ran four minutes in 16 GB). The longest
// real reports are a few MB of document.xml and well under a million elements; a zip bomb is
// refused, not inflated, and an XML tree of millions of tiny nodes is refused before parsing.
constexpr size_t kMaxPart = size_t(64) << 20;
constexpr size_t kMaxElements = 3'000'000;
constexpr int kMaxDepth = 200;

const char* const kWordNs[] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                               "http://purl.oclc.org/ooxml/wordprocessingml/main"};
const char* const kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

struct Part {
  bool found = false;
  std::string bytes;
};

Result<Part> read_part(const std::string& path, zip_t* za, const char* name) {
  Part part;
  zip_int64_t idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
  if (idx < 0) return part;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
    return Error{path, std::string("damaged .docx: cannot read ") + name};
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return Error{path, "encrypted .docx (password-protected); save an unprotected copy first"};
  auto too_large = [&] {
    return Error{path, std::string(".docx part too large: ") + name + " expands to more than " +
                           std::to_string(kMaxPart >> 20) + " MB (a compressed bomb, or not a report)"};
  };
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart) return too_large();
  zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(idx), 0);
  if (!f) return Error{path, std::string("damaged .docx: cannot open ") + name + " (" + zip_strerror(za) + ")"};
  char buf[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      return Error{path, std::string("damaged .docx: cannot inflate ") + name + " (" + why + ")"};
    }
    if (n == 0) break;
    part.bytes.append(buf, static_cast<size_t>(n));
    if (part.bytes.size() > kMaxPart) {
      zip_fclose(f);
      return too_large();
    }
  }
  zip_fclose(f);
  part.found = true;
  return part;
}

// Element names are matched by namespace, not by the prefix a writer happened to choose.
struct Names {
  std::string w;   // "w:" (or "" for a default namespace)
  std::string mc;  // "mc:"
  void learn(const pugi::xml_node& root) {
    for (auto a : root.attributes()) {
      std::string_view n = a.name();
      std::string_view v = a.value();
      std::string prefix;
      if (n == "xmlns") prefix = "";
      else if (n.substr(0, 6) == "xmlns:") prefix = std::string(n.substr(6)) + ":";
      else continue;
      for (const char* ns : kWordNs)
        if (v == ns) w = prefix;
      if (v == kMcNs) mc = prefix;
    }
  }
  bool is(const pugi::xml_node& n, std::string_view local) const {
    std::string_view name = n.name();
    return name.size() == w.size() + local.size() && name.substr(0, w.size()) == w && name.substr(w.size()) == local;
  }
  bool is_mc(const pugi::xml_node& n, std::string_view local) const {
    std::string_view name = n.name();
    return !mc.empty() && name.size() == mc.size() + local.size() && name.substr(0, mc.size()) == mc &&
           name.substr(mc.size()) == local;
  }
  const char* attr(const pugi::xml_node& n, std::string_view local) const {
    std::string name = w + std::string(local);
    return n.attribute(name.c_str()).value();
  }
};

std::string superscript(std::string_view digits) {
  static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits)
    if (c >= '0' && c <= '9') out += kSup[c - '0'];
  return out;
}

bool on(const char* v) {
  std::string_view s(v);
  return !(s == "0" || s == "false" || s == "off");
}

// A produced line; `soft` lines continue the paragraph before them (w:br).
struct Line {
  std::string text;
  bool soft = false;
};

class Extractor {
 public:
  Extractor(Names names, const pugi::xml_node* footnotes, Names fn_names)
      : n_(std::move(names)), fn_names_(std::move(fn_names)) {
    if (footnotes) {
      for (auto fn : footnotes->children()) {
        if (!fn_names_.is(fn, "footnote")) continue;
        std::string type = fn_names_.attr(fn, "type");
        if (!type.empty() && type != "normal") continue;  // separators
        footnote_xml_[fn_names_.attr(fn, "id")] = fn;
      }
    }
  }

  void body(const pugi::xml_node& parent) {
    for (auto c : parent.children()) block(c);
  }

  std::vector<Line> lines;
  size_t missing_footnotes = 0;

 private:
  struct Para {
    std::string text;
    std::vector<pugi::xml_node> boxes;                   // w:txbxContent met in the runs
    std::vector<std::pair<int, std::string>> footnotes;  // (displayed number, w:id)
  };

  // A block-level element of the body, of a table cell or of a text box.
  void block(const pugi::xml_node& c) {
    if (n_.is(c, "p")) {
      paragraph(c);
    } else if (n_.is(c, "tbl")) {
      table(c);
    } else if (n_.is(c, "sdt")) {
      for (auto k : c.children())
        if (n_.is(k, "sdtContent")) body(k);
    } else if (n_.is(c, "customXml")) {
      body(c);
    } else if (n_.is_mc(c, "AlternateContent")) {
      if (auto ch = choice(c)) body(ch);
    }
  }

  pugi::xml_node choice(const pugi::xml_node& alt) {
    for (auto k : alt.children())
      if (n_.is_mc(k, "Choice")) return k;
    for (auto k : alt.children())
      if (n_.is_mc(k, "Fallback")) return k;
    return {};
  }

  void paragraph(const pugi::xml_node& p) {
    Para para;
    inline_content(p, para);
    bool first = true;
    size_t b = 0;
    for (;;) {
      size_t nl = para.text.find('\n', b);
      lines.push_back(Line{para.text.substr(b, nl == std::string::npos ? std::string::npos : nl - b), !first});
      first = false;
      if (nl == std::string::npos) break;
      b = nl + 1;
    }
    flush_after(para);
  }

  // What follows a paragraph or a table row: its text boxes, then the footnotes it cites.
  void flush_after(Para& para) {
    for (auto box : para.boxes) body(box);
    for (const auto& [number, id] : para.footnotes) footnote(number, id);
  }

  void inline_content(const pugi::xml_node& parent, Para& para) {
    for (auto c : parent.children()) {
      if (n_.is(c, "r")) {
        run(c, para);
      } else if (n_.is(c, "hyperlink") || n_.is(c, "ins") || n_.is(c, "smartTag") || n_.is(c, "customXml") ||
                 n_.is(c, "fldSimple") || n_.is(c, "moveTo") || n_.is(c, "bdo") || n_.is(c, "dir")) {
        inline_content(c, para);
      } else if (n_.is(c, "sdt")) {
        for (auto k : c.children())
          if (n_.is(k, "sdtContent")) inline_content(k, para);
      } else if (n_.is_mc(c, "AlternateContent")) {
        if (auto ch = choice(c)) inline_content(ch, para);
      }
      // w:pPr, w:del, w:moveFrom, bookmarks, proofing marks: no text.
    }
  }

  void run(const pugi::xml_node& r, Para& para) {
    bool sup = false;
    if (auto rpr = child(r, "rPr")) {
      if (auto v = child(rpr, "vanish"); v && on(n_.attr(v, "val"))) return;  // hidden text
      if (auto va = child(rpr, "vertAlign")) sup = std::string_view(n_.attr(va, "val")) == "superscript";
    }
    for (auto c : r.children()) {
      if (n_.is(c, "t")) {
        std::string t = clean(c.text().get());
        if (sup && !t.empty() && t.find_first_not_of("0123456789") == std::string::npos) t = superscript(t);
        para.text += t;
      } else if (n_.is(c, "tab") || n_.is(c, "ptab")) {
        para.text += '\t';
      } else if (n_.is(c, "br") || n_.is(c, "cr")) {
        para.text += '\n';
      } else if (n_.is(c, "noBreakHyphen")) {
        para.text += '-';
      } else if (n_.is(c, "footnoteReference")) {
        std::string id = n_.attr(c, "id");
        int number = ++footnote_count_;
        if (std::string_view(n_.attr(c, "customMarkFollows")).empty() || !on(n_.attr(c, "customMarkFollows")))
          para.text += superscript(std::to_string(number));
        para.footnotes.emplace_back(number, id);
      } else if (!n_.is(c, "rPr")) {
        find_boxes(c, para);  // drawings, VML shapes, alternate content: text boxes
      }
    }
  }

  void find_boxes(const pugi::xml_node& n, Para& para) {
    if (n_.is(n, "txbxContent")) {
      para.boxes.push_back(n);
      return;
    }
    if (n_.is_mc(n, "AlternateContent")) {
      if (auto ch = choice(n)) find_boxes(ch, para);
      return;
    }
    for (auto c : n.children()) find_boxes(c, para);
  }

  void table(const pugi::xml_node& tbl) {
    for (auto tr : tbl.children()) {
      if (n_.is(tr, "tr")) {
        row(tr);
      } else if (n_.is(tr, "sdt") || n_.is(tr, "customXml")) {
        for (auto k : tr.children()) {
          if (n_.is(k, "sdtContent")) table(k);
          else if (n_.is(k, "tr")) row(k);
        }
      }
    }
  }

  void row(const pugi::xml_node& tr) {
    Para all;
    std::string line;
    bool first = true;
    auto cell = [&](const pugi::xml_node& tc) {
      Para cp;
      cell_text(tc, cp);
      if (!first) line += '\t';
      first = false;
      line += flatten(cp.text);
      for (auto& b : cp.boxes) all.boxes.push_back(b);
      for (auto& f : cp.footnotes) all.footnotes.push_back(f);
    };
    for (auto tc : tr.children()) {
      if (n_.is(tc, "tc")) {
        cell(tc);
      } else if (n_.is(tc, "sdt") || n_.is(tc, "customXml")) {
        for (auto k : tc.children()) {
          if (n_.is(k, "tc")) cell(k);
          else if (n_.is(k, "sdtContent"))
            for (auto t : k.children())
              if (n_.is(t, "tc")) cell(t);
        }
      }
    }
    lines.push_back(Line{line, false});
    flush_after(all);
  }

  // A cell's paragraphs (and nested tables) as one piece of text.
  void cell_text(const pugi::xml_node& parent, Para& cp) {
    for (auto c : parent.children()) {
      if (n_.is(c, "p")) {
        Para p;
        inline_content(c, p);
        std::string t = flatten(p.text);
        if (!t.empty()) {
          if (!cp.text.empty()) cp.text += ' ';
          cp.text += t;
        }
        for (auto& b : p.boxes) cp.boxes.push_back(b);
        for (auto& f : p.footnotes) cp.footnotes.push_back(f);
      } else if (n_.is(c, "tbl") || n_.is(c, "tr") || n_.is(c, "tc") || n_.is(c, "sdt") || n_.is(c, "sdtContent") ||
                 n_.is(c, "customXml")) {
        cell_text(c, cp);
      }
    }
  }

  // Inside a cell, tabs and breaks are spaces: a tab would split the cell.
  static std::string flatten(const std::string& s) {
    std::string out;
    for (char c : s) {
      char d = (c == '\t' || c == '\n') ? ' ' : c;
      if (d == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += d;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  void footnote(int number, const std::string& id) {
    auto it = footnote_xml_.find(id);
    if (it == footnote_xml_.end()) {
      ++missing_footnotes;
      return;
    }
    // The footnote's paragraphs on one line, after its number (its own w:footnoteRef is the number).
    Para fp;
    for (auto c : it->second.children()) {
      Para p;
      if (fn_names_.is(c, "p")) {
        Extractor sub(fn_names_, nullptr, fn_names_);
        sub.inline_content(c, p);
      } else if (fn_names_.is(c, "tbl")) {
        Extractor sub(fn_names_, nullptr, fn_names_);
        sub.cell_text(c, p);
      }
      std::string t = flatten(p.text);
      if (t.empty()) continue;
      if (!fp.text.empty()) fp.text += ' ';
      fp.text += t;
    }
    lines.push_back(Line{superscript(std::to_string(number)) + " " + fp.text, false});
  }

  pugi::xml_node child(const pugi::xml_node& n, std::string_view local) const {
    for (auto c : n.children())
      if (n_.is(c, local)) return c;
    return {};
  }

  // No control characters in a line (XML 1.1 writers can put them in).
  static std::string clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if (u == '\n' || u == '\r' || u == '\v' || u == '\f') out += ' ';
      else if (u >= 0x20 || u == '\t') out += c;
    }
    return out;
  }

  Names n_;
  Names fn_names_;
  std::map<std::string, pugi::xml_node> footnote_xml_;
  int footnote_count_ = 0;
};

Result<pugi::xml_node> parse(const std::string& path, pugi::xml_document& xml, const std::string& bytes,
                             const char* part) {
  // Elements (and comments, PIs) open with '<' not followed by '/': an upper bound, counted
  // before pugixml allocates a node for each.
  size_t elements = 0;
  for (size_t i = bytes.find('<'); i != std::string::npos; i = bytes.find('<', i + 1))
    if (i + 1 >= bytes.size() || bytes[i + 1] != '/') ++elements;
  if (elements > kMaxElements)
    return Error{path, std::string(".docx part too large: ") + part + " has more than " +
                           std::to_string(kMaxElements) + " XML elements"};
  pugi::xml_parse_result pr =
      xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!pr)
    return Error{path, std::string("damaged .docx: ") + part + " is not well-formed XML (" + pr.description() +
                           " at byte " + std::to_string(pr.offset) + ")"};
  // The extractor recurses into tables, text boxes and content controls: a bound on nesting
  // keeps a crafted part from exhausting the stack (walked here without recursion).
  int depth = 0;
  for (pugi::xml_node n = xml.first_child(); n;) {
    if (n.first_child()) {
      n = n.first_child();
      if (++depth > kMaxDepth)
        return Error{path, std::string("damaged .docx: ") + part + " nests elements more than " +
                               std::to_string(kMaxDepth) + " deep"};
      continue;
    }
    while (n && !n.next_sibling() && n != xml) {
      n = n.parent();
      --depth;
    }
    if (!n || n == xml) break;
    n = n.next_sibling();
  }
  return xml.document_element();
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 2) == "PK" &&
         ((bytes[2] == '\x03' && bytes[3] == '\x04') || (bytes[2] == '\x05' && bytes[3] == '\x06'));
}

bool looks_like_docx(std::string_view bytes) {
  return looks_like_zip(bytes) && bytes.find("word/document.xml") != std::string_view::npos;
}

Result<DocxText> docx_to_text(const std::string& path, std::string_view bytes) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) {
    std::string why = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return Error{path, "cannot read .docx: " + why};
  }
  ZipPtr za(zip_open_from_source(src, ZIP_RDONLY, &zerr));
  if (!za) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return Error{path, "damaged .docx: not a readable zip archive (" + why + "; truncated download?)"};
  }
  zip_error_fini(&zerr);

  auto doc_part = read_part(path, za.get(), "word/document.xml");
  if (!doc_part) return doc_part.error();
  if (!doc_part->found) return Error{path, "not a Word .docx: the zip has no word/document.xml"};
  auto fn_part = read_part(path, za.get(), "word/footnotes.xml");
  if (!fn_part) return fn_part.error();

  pugi::xml_document doc_xml, fn_xml;
  auto root = parse(path, doc_xml, doc_part->bytes, "word/document.xml");
  if (!root) return root.error();
  Names names;
  names.learn(*root);
  pugi::xml_node body;
  for (auto c : root->children())
    if (names.is(c, "body")) body = c;
  if (!body) return Error{path, "not a Word .docx: word/document.xml has no w:body"};

  Names fn_names;
  pugi::xml_node fn_root;
  DocxText out;
  if (fn_part->found) {
    auto r = parse(path, fn_xml, fn_part->bytes, "word/footnotes.xml");
    if (r) {
      fn_root = *r;
      fn_names.learn(fn_root);
    } else {
      out.warnings.push_back(r.error().reason + "; footnotes left out");
    }
  }
  Extractor ex(names, fn_root ? &fn_root : nullptr, fn_names);
  ex.body(body);
  if (ex.missing_footnotes > 0)
    out.warnings.push_back(std::to_string(ex.missing_footnotes) + " footnote reference(s) without a footnote text");

  // text: one line per paragraph; layout_text: paragraphs apart (a blank line maps to the line
  // break before it).
  for (size_t i = 0; i < ex.lines.size(); ++i) {
    const Line& l = ex.lines[i];
    if (i > 0) {
      auto nl = static_cast<uint32_t>(out.text.size());
      out.text += '\n';
      out.layout_text += '\n';
      out.layout_origin.push_back(nl);
      if (!l.soft) {
        out.layout_text += '\n';
        out.layout_origin.push_back(nl);
      }
    }
    auto base = static_cast<uint32_t>(out.text.size());
    out.text += l.text;
    out.layout_text += l.text;
    for (size_t k = 0; k < l.text.size(); ++k) out.layout_origin.push_back(base + static_cast<uint32_t>(k));
  }
  out.layout_origin.push_back(static_cast<uint32_t>(out.text.size()));  // the end
  if (size_t bad = first_invalid_utf8(out.text); bad != std::string::npos)
    return Error{path, "damaged .docx: invalid UTF-8 in the document text (byte " + std::to_string(bad) + ")"};
  return out;
}

}  // namespace doisoat
