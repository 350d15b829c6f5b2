#pragma once
// The language of a besluit document (`besluit --lang nl|en`): each sentence
// written once in Dutch and once in English side by side, s("dutch",
// "english"), as explain_text.cpp does; numbers with the marks of the
// language (wording.h number_marks), so that both texts show the same digits.
#include <cstdint>
#include <string>

#include "report/exact_text.h"
#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {

struct Say {
  Lang lang = Lang::nl;

  std::string operator()(std::string nl, std::string en) const { return lang == Lang::nl ? nl : en; }
  // 3.814 / 3,814
  std::string number(int64_t n) const { return number_marks(dutch_number(n), lang); }
  // 72,46% / 72.46%: two decimals, the same in both.
  std::string percent(const Rational& p) const { return number_marks(dutch_percent(p), lang); }
};

}  // namespace verdeel::report
