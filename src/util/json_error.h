#pragma once
// nlohmann's parse errors in the words a message to a user needs: where and what, without the
// library's "[json.exception.parse_error.101] parse error at " in front.
#include <string>

#include "util/canonical_json.h"

namespace verdeel {

// "line 2, column 1: syntax error while parsing value - unexpected end of input; ...".
inline std::string json_parse_problem(const Json::parse_error& e) {
  const std::string what = e.what();
  if (const size_t at = what.find("parse error at "); at != std::string::npos) return what.substr(at + 15);
  if (const size_t syntax = what.find("syntax error"); syntax != std::string::npos) return what.substr(syntax);
  return what;
}

// Any other of its errors ("number overflow parsing '1e500'"), without the exception's name.
inline std::string json_problem(const Json::exception& e) {
  const std::string what = e.what();
  const size_t end = what.find("] ");
  return what.rfind("[json.exception.", 0) == 0 && end != std::string::npos ? what.substr(end + 2) : what;
}

}  // namespace verdeel
