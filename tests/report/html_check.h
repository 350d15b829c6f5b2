#pragma once
// A small tolerant HTML checker for the report tests: tags balance (void and
// self-closing elements aside), and nothing refers outside the document.
#include <regex>
#include <string>
#include <vector>

namespace verdeel::testing {

struct HtmlCheck {
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

// Tags must nest properly; text inside <script> and <style> is skipped.
inline HtmlCheck check_well_formed(const std::string& html) {
  static const std::vector<std::string> kVoid = {"meta", "br", "link", "img", "input", "hr", "source", "wbr"};
  HtmlCheck r;
  std::vector<std::string> stack;
  static const std::regex tag("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
  size_t pos = 0;
  while (true) {
    std::smatch m;
    std::string rest = html.substr(pos);
    if (!std::regex_search(rest, m, tag)) break;
    std::string name = m[2];
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool closing = m[1] == "/";
    std::string attrs = m[3];
    pos += static_cast<size_t>(m.position(0) + m.length(0));
    bool self_closing = !attrs.empty() && attrs.back() == '/';
    bool is_void = std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
    if (closing) {
      if (stack.empty() || stack.back() != name) {
        r.problems.push_back("</" + name + "> closes " + (stack.empty() ? "nothing" : "<" + stack.back() + ">"));
        return r;
      }
      stack.pop_back();
    } else if (!self_closing && !is_void) {
      stack.push_back(name);
      if (name == "script" || name == "style") {  // raw text up to its end tag
        auto end = html.find("</" + name + ">", pos);
        if (end == std::string::npos) {
          r.problems.push_back("<" + name + "> not closed");
          return r;
        }
        pos = end;
      }
    }
  }
  for (const auto& open : stack) r.problems.push_back("<" + open + "> not closed");
  return r;
}

// Every way a page could load something from elsewhere.
inline std::vector<std::string> external_references(const std::string& html) {
  std::vector<std::string> found;
  for (const char* s : {"http://", "https://", "src=", "<link", "@import", "url(", "//cdn", "<iframe", "<object",
                        "<embed", "fetch(", "XMLHttpRequest"})
    if (html.find(s) != std::string::npos) found.push_back(s);
  return found;
}

inline size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace verdeel::testing
