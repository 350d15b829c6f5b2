// load_case: every file of a case directory, validated (INTERFACE.md, "Input:
// a case directory"), turned into the rows that become input records.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "casefile/beleid.h"
#include "casefile/casefile.h"
#include "casefile/folder.h"
#include "casefile/gemeenten.h"
#include "casefile/numbers.h"
#include "casefile/sheet.h"
#include "casefile/text.h"
#include "method/case.h"
#include "method/category.h"
#include "util/json_object.h"
#include "util/ordered_jobs.h"
#include "util/workers.h"
#include "util/sha256.h"

namespace verdeel::casefile {
namespace {

namespace fs = std::filesystem;

struct Places {
  int128 regulier = 0;
  int128 amv = 0;
  int128& operator[](method::Category c) { return c == method::Category::regulier ? regulier : amv; }
};

std::string str128(int128 v) {
  if (v == 0) return "0";
  std::string s;
  bool negative = v < 0;
  while (v != 0) {
    int digit = static_cast<int>(v % 10);
    s.push_back(static_cast<char>('0' + (negative ? -digit : digit)));
    v /= 10;
  }
  if (negative) s.push_back('-');
  return std::string(s.rbegin(), s.rend());
}

// Names end up in tables and on terminals: no line breaks, tabs or other C0 controls.
bool has_control(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

// The sheets of a case in the order Loader::run reads them, with the columns each must hold and
// whether it must be there: one definition, for reading them ahead and for reading them.
struct SheetSpec {
  const char* file;
  std::vector<std::string> columns;
  bool required;
};
const std::vector<SheetSpec>& sheet_specs() {
  static const std::vector<SheetSpec> specs = {
      {"gemeenten.csv", {"code", "naam", "provincie"}, true},
      {"opgave.csv", {"provincie", "regulier", "amv"}, true},
      {"indicatief.csv", {"gemeente", "regulier", "amv"}, true},
      {"verslag.csv", {"gemeente", "regulier", "amv"}, true},
      {"kansrijk.csv", {"gemeente", "regulier", "amv", "criteria"}, false},
      {"historie.csv", {"gemeente", "gemiddeld"}, false},
      {"oekraine.csv", {"gemeente", "plaatsen", "evenredig"}, false},
      {"uitruil.csv", {"van", "voor", "categorie", "plaatsen"}, false},
      {"uitruilgroepen.csv", {"groep", "gemeente"}, false},
  };
  return specs;
}

// One sheet read ahead: what read_sheet gave, and the problems and file hash it found, which the
// loader takes over when it reaches that sheet, so they stay in file order.
struct ReadAhead {
  std::optional<Sheet> sheet;
  Problems problems;
  std::map<std::string, std::string> sha256;
};

class Loader {
 public:
  // Reading a sheet (its bytes, SHA-256 and CSV) is done ahead on a second core while the sheet
  // before it is checked (docs/performance.md); what the loader says is the same either way.
  explicit Loader(const std::string& dir)
      : dir_(dir), problems_(dir), ahead_(default_workers(1)) {}

  LoadResult run() {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      LoadResult result;
      result.problems.push_back({dir_.string(), 0, "not a directory (a case directory holds gemeenten.csv and the other inputs)"});
      return result;
    }
    folder();
    for (const auto& spec : sheet_specs())
      ahead_.add([this, &spec] {
        ReadAhead r{std::nullopt, Problems(dir_), {}};
        r.sheet = read_sheet(dir_, spec.file, spec.columns, spec.required, r.problems, r.sha256);
        return r;
      });
    gemeenten();
    opgave();
    indicatief();
    verslag();
    kansrijk();
    historie();
    oekraine();
    uitruil();
    uitruilgroepen();
    beleid();
    LoadResult result;
    if (problems_.empty()) {
      data_.provinces.assign(registry_.provinces().begin(), registry_.provinces().end());
      result.data = std::move(data_);
    }
    result.more_problems = problems_.more();
    result.problems = problems_.take();
    return result;
  }

 private:
  // ---- helpers -------------------------------------------------------------

  // The sheet `file` of sheet_specs(), each taken once, in that order.
  std::optional<Sheet> sheet(const std::string& file) {
    const auto& specs = sheet_specs();
    size_t i = 0;
    while (i < specs.size() && file != specs[i].file) ++i;
    if (i == specs.size()) throw std::logic_error("no sheet spec for " + file);
    ReadAhead r = ahead_.take(i);
    problems_.append(std::move(r.problems));
    data_.file_sha256.insert(r.sha256.begin(), r.sha256.end());
    return std::move(r.sheet);
  }

  void emit(const std::string& file, int line, const char* kind, const std::string& province,
            const std::string& subject, Json body) {
    data_.rows.push_back({file, line, kind, province, subject, std::move(body)});
  }

  // The municipality named in `column`; nullptr (with a problem) when unknown.
  // Without a usable gemeenten.csv nothing resolves and nothing more is said.
  const Gemeente* gemeente(const Sheet& s, const CsvRow& row, const std::string& column) {
    if (!registry_ok_) return nullptr;
    const std::string& ref = s.at(row, column);
    const Gemeente* g = registry_.resolve(ref);
    if (!g) problems_.add(s.file, row.line, "column " + column + ": " + registry_.unknown(ref));
    return g;
  }

  std::optional<int64_t> whole(const Sheet& s, const CsvRow& row, const std::string& column) {
    Parsed<int64_t> p = parse_whole(s.at(row, column));
    if (!p.ok()) problems_.add(s.file, row.line, "column " + column + ": " + p.error);
    return p.value;
  }

  std::optional<Rational> decimal(const Sheet& s, const CsvRow& row, const std::string& column) {
    Parsed<Rational> p = parse_decimal(s.at(row, column));
    if (!p.ok()) problems_.add(s.file, row.line, "column " + column + ": " + p.error);
    return p.value;
  }

  // False (with a problem) when `g` already had a row in this file.
  bool first_time(std::map<std::string, int>& seen, const Sheet& s, const CsvRow& row, const Gemeente& g) {
    auto [it, fresh] = seen.emplace(g.code, row.line);
    if (!fresh)
      problems_.add(s.file, row.line,
                    describe(g) + " appears twice (first at line " + std::to_string(it->second) +
                        "); this file holds one row per municipality");
    return fresh;
  }

  // Both columns `regulier` and `amv`, as whole numbers.
  std::optional<method::PerCategory> places(const Sheet& s, const CsvRow& row) {
    auto regulier = whole(s, row, "regulier");
    auto amv = whole(s, row, "amv");
    if (!regulier || !amv) return std::nullopt;
    return method::PerCategory{*regulier, *amv};
  }

  // ---- the files, in record order ---------------------------------------------

  // Every entry of the folder: a file that looks like an input but is none is refused, since it
  // would not be read (casefile/folder.h); the others are named in CaseData::ignored.
  void folder() {
    std::vector<std::pair<std::string, bool>> entries;  // name, is a directory
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code kind;
      entries.emplace_back(it->path().filename().string(), it->is_directory(kind));
    }
    std::sort(entries.begin(), entries.end());
    std::set<std::string> names;  // in lower case
    for (const auto& e : entries) names.insert(ascii_lower(e.first));
    for (const auto& [name, directory] : entries) {
      FolderEntry entry = classify_entry(name, directory, names);
      // A file's name is the folder's, not ours: shown with its control characters escaped (clip).
      const std::string shown = clip(name, 255);
      if (entry.kind == FolderEntry::Kind::refused) problems_.add(shown, 0, entry.problem);
      if (entry.kind == FolderEntry::Kind::other) data_.ignored.push_back(directory ? shown + "/" : shown);
    }
  }

  void gemeenten() {
    auto s = sheet("gemeenten.csv");
    if (!s) return;
    registry_ok_ = true;
    for (const auto& row : s->rows) {
      Gemeente g{ascii_upper(s->at(row, "code")), s->at(row, "naam"), s->at(row, "provincie"), row.line};
      bool ok = true;
      if (!is_cbs_code(g.code)) {
        problems_.add(s->file, row.line, "column code: " + quote(g.code) + " is not a CBS code like GM0106");
        ok = false;
      }
      if (g.naam.empty()) {
        problems_.add(s->file, row.line, "column naam: empty name");
        ok = false;
      }
      if (g.provincie.empty()) {
        problems_.add(s->file, row.line, "column provincie: empty province");
        ok = false;
      }
      for (const char* column : {"naam", "provincie"}) {
        if (has_control(s->at(row, column))) {
          problems_.add(s->file, row.line, std::string("column ") + column + ": contains a line break or control character");
          ok = false;
        }
      }
      std::string why;
      if (ok && !registry_.add(g, why)) {
        problems_.add(s->file, row.line, why);
        ok = false;
      }
      if (ok)
        emit(s->file, row.line, "input.gemeente", g.provincie, g.code,
             Obj()("code", g.code)("naam", g.naam)("provincie", g.provincie));
    }
  }

  void opgave() {
    auto s = sheet("opgave.csv");
    if (!s) return;
    std::map<std::string, int> seen;
    std::map<std::string, std::string> by_lower;  // the provinces of gemeenten.csv in lower case, for hints
    if (registry_ok_)
      for (const auto& known : registry_.provinces()) by_lower.emplace(ascii_lower(known), known);
    for (const auto& row : s->rows) {
      const std::string& provincie = s->at(row, "provincie");
      auto p = places(*s, row);
      bool ok = p.has_value();
      if (registry_ok_ && !registry_.has_province(provincie)) {
        std::string hint;
        if (auto known = by_lower.find(ascii_lower(provincie)); known != by_lower.end())
          hint = "; did you mean " + quote(known->second) + "?";
        problems_.add(s->file, row.line,
                      "unknown province " + quote(provincie) + " (no municipality in gemeenten.csv belongs to it)" + hint);
        ok = false;
      }
      auto [it, fresh] = seen.emplace(provincie, row.line);
      if (!fresh) {
        problems_.add(s->file, row.line,
                      "province " + quote(provincie) + " appears twice (first at line " + std::to_string(it->second) + ")");
        ok = false;
      }
      if (ok)
        emit(s->file, row.line, "input.opgave", provincie, "",
             Obj()("provincie", provincie)("regulier", p->regulier)("amv", p->amv));
    }
    if (!registry_ok_) return;
    // Each province's first municipality in gemeenten.csv, and how many it has: once, not per
    // province (a hostile file may hold as many provinces as rows), and only when one lacks a task.
    std::map<std::string, std::pair<const Gemeente*, int>> members;
    auto count_members = [&] {
      if (!members.empty()) return;
      for (const auto& [code, g] : registry_.by_code()) {
        auto& [first, count] = members[g.provincie];
        ++count;
        if (!first || g.line < first->line) first = &g;
      }
    };
    size_t hinted = 0;  // "did you mean" for the first few only: each costs an edit distance per task
    for (const auto& provincie : registry_.provinces()) {
      if (seen.count(provincie)) continue;
      // Said with where the province is written too: a province spelled otherwise in gemeenten.csv
      // than here is the likelier cause.
      count_members();
      const auto& [first, count] = members[provincie];
      std::string where;
      if (first)
        where = " (" + describe(*first) + (count > 1 ? " and " + std::to_string(count - 1) + " more" : "") +
                ", gemeenten.csv line " + std::to_string(first->line) + ")";
      std::string hint;
      if (hinted++ < 20 && provincie.size() <= 64)
        for (const auto& [task, line] : seen)
          if (task.size() <= provincie.size() + 2 && provincie.size() <= task.size() + 2 &&
              edit_distance(ascii_lower(task), ascii_lower(provincie)) <= 2)
            hint = "; did you mean " + quote(task) + " (line " + std::to_string(line) + ")?";
      problems_.add(s->file, 0, "province " + quote(provincie) + where + " has municipalities but no task (no row here)" + hint);
    }
  }

  // indicatief.csv and verslag.csv: one row per municipality, two counts.
  void per_gemeente(const std::string& file, const char* kind, std::map<std::string, int>& seen,
                    std::map<std::string, method::PerCategory>* into) {
    auto s = sheet(file);
    if (!s) return;
    for (const auto& row : s->rows) {
      const Gemeente* g = gemeente(*s, row, "gemeente");
      auto p = places(*s, row);
      if (!g || !first_time(seen, *s, row, *g) || !p) continue;
      if (into) (*into)[g->code] = *p;
      emit(s->file, row.line, kind, g->provincie, g->code,
           Obj()("gemeente", g->code)("regulier", p->regulier)("amv", p->amv));
    }
    loaded_ = true;
  }

  void indicatief() {
    std::map<std::string, int> seen;
    loaded_ = false;
    per_gemeente("indicatief.csv", "input.indicatief", seen, nullptr);
    if (!loaded_ || !registry_ok_) return;
    for (const auto& [code, g] : registry_.by_code()) {
      if (!seen.count(code))
        problems_.add("indicatief.csv", 0, describe(g) + " has no row; every municipality needs its indicative numbers");
    }
  }

  void verslag() {
    std::map<std::string, int> seen;
    const size_t before = problems_.size();
    per_gemeente("verslag.csv", "input.verslag", seen, &verslag_);
    capacity_known_ = capacity_known_ && problems_.size() == before;
  }

  void kansrijk() {
    const size_t before = problems_.size();
    auto s = sheet("kansrijk.csv");
    capacity_known_ = capacity_known_ && problems_.size() == before;
    if (!s) return;
    const auto& all = method::kansrijk_criteria();
    std::string known;
    for (const auto& c : all) known += (known.empty() ? "" : ", ") + c;
    for (const auto& row : s->rows) {
      const Gemeente* g = gemeente(*s, row, "gemeente");
      auto p = places(*s, row);
      bool ok = g && p;
      std::set<std::string> criteria;
      std::string_view rest = s->at(row, "criteria");
      while (true) {
        size_t bar = rest.find('|');
        std::string c = ascii_lower(trim(rest.substr(0, bar)));
        if (!c.empty()) {
          if (std::find(all.begin(), all.end(), c) == all.end()) {
            problems_.add(s->file, row.line, "column criteria: unknown criterion " + quote(c) + "; criteria are: " + known);
            ok = false;
          }
          criteria.insert(c);
        }
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
      if (!ok) continue;
      if (!criteria.empty()) {
        promising_[g->code].regulier += p->regulier;
        promising_[g->code].amv += p->amv;
      }
      emit(s->file, row.line, "input.kansrijk", g->provincie, g->code,
           Obj()("gemeente", g->code)
                ("regulier", p->regulier)
                ("amv", p->amv)
                ("criteria", std::vector<std::string>(criteria.begin(), criteria.end())));
    }
    capacity_known_ = capacity_known_ && problems_.size() == before;
  }

  void historie() {
    auto s = sheet("historie.csv");
    if (!s) return;
    std::map<std::string, int> seen;
    for (const auto& row : s->rows) {
      const Gemeente* g = gemeente(*s, row, "gemeente");
      auto gemiddeld = decimal(*s, row, "gemiddeld");
      if (!g || !first_time(seen, *s, row, *g) || !gemiddeld) continue;
      emit(s->file, row.line, "input.historie", g->provincie, g->code,
           Obj()("gemeente", g->code)("gemiddeld", to_json(*gemiddeld)));
    }
  }

  void oekraine() {
    auto s = sheet("oekraine.csv");
    if (!s) return;
    std::map<std::string, int> seen;
    for (const auto& row : s->rows) {
      const Gemeente* g = gemeente(*s, row, "gemeente");
      auto plaatsen = decimal(*s, row, "plaatsen");
      auto evenredig = decimal(*s, row, "evenredig");
      if (!g || !first_time(seen, *s, row, *g) || !plaatsen || !evenredig) continue;
      emit(s->file, row.line, "input.oekraine", g->provincie, g->code,
           Obj()("gemeente", g->code)("plaatsen", to_json(*plaatsen))("evenredig", to_json(*evenredig)));
    }
  }

  void uitruil() {
    auto s = sheet("uitruil.csv");
    if (!s) return;
    std::map<std::pair<std::string, method::Category>, int128> given;
    std::set<std::pair<std::string, method::Category>> reported;
    for (const auto& row : s->rows) {
      const Gemeente* van = gemeente(*s, row, "van");
      const Gemeente* voor = gemeente(*s, row, "voor");
      const std::string categorie = ascii_lower(s->at(row, "categorie"));
      auto cat = method::parse_category(categorie);
      if (!cat)
        problems_.add(s->file, row.line,
                      "column categorie: unknown category " + quote(s->at(row, "categorie")) + "; categories are: regulier, amv");
      auto plaatsen = whole(*s, row, "plaatsen");
      bool ok = van && voor && cat && plaatsen;
      if (van && voor && van == voor) {
        problems_.add(s->file, row.line, describe(*van) + " exchanges with itself");
        ok = false;
      } else if (van && voor && van->provincie != voor->provincie) {
        problems_.add(s->file, row.line,
                      "exchange across provinces: " + describe(*van) + " is in " + clip(van->provincie) + ", " +
                          describe(*voor) + " in " + clip(voor->provincie));
        ok = false;
      }
      // What a municipality holds is only known when report and initiatives
      // were read without problems; otherwise this check would only echo those.
      if (ok && capacity_known_) {
        auto key = std::make_pair(van->code, *cat);
        int128& sum = given[key];
        sum += *plaatsen;
        Places cap;
        auto rep = verslag_.find(van->code);
        if (rep != verslag_.end()) cap[*cat] += rep->second[*cat];
        Places& init = promising_[van->code];
        int128 hold = cap[*cat] + init[*cat];
        if (sum > hold && reported.insert(key).second) {
          problems_.add(s->file, row.line,
                        describe(*van) + " exchanges " + str128(sum) + " " + categorie + " places in its rows up to this one, " +
                            "more than its report (" + str128(cap[*cat]) + ") and promising initiatives (" +
                            str128(init[*cat]) + ") hold");
          ok = false;
        }
      }
      if (!ok) continue;
      emit(s->file, row.line, "input.uitruil", van->provincie, van->code,
           Obj()("van", van->code)("voor", voor->code)("categorie", categorie)("plaatsen", *plaatsen));
    }
  }

  void uitruilgroepen() {
    auto s = sheet("uitruilgroepen.csv");
    if (!s) return;
    struct Member {
      const Gemeente* g;
      int line;
    };
    std::map<std::string, std::vector<Member>> groups;
    std::map<std::string, int> first_line;
    for (const auto& row : s->rows) {
      const std::string& groep = s->at(row, "groep");
      const Gemeente* g = gemeente(*s, row, "gemeente");
      if (groep.empty() || has_control(groep)) {
        problems_.add(s->file, row.line, "column groep: empty group name or one with a control character");
        continue;
      }
      first_line.emplace(groep, row.line);
      if (!g) continue;
      std::vector<Member>& members = groups[groep];
      auto twice = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.g == g; });
      if (twice != members.end()) {
        problems_.add(s->file, row.line,
                      describe(*g) + " appears twice in group " + quote(groep) + " (first at line " +
                          std::to_string(twice->line) + "); a municipality cannot exchange with itself");
        continue;
      }
      if (!members.empty() && members.front().g->provincie != g->provincie) {
        problems_.add(s->file, row.line,
                      "exchange group " + quote(groep) + " across provinces: " + describe(*g) + " is in " + clip(g->provincie) +
                          ", " + describe(*members.front().g) + " (line " + std::to_string(members.front().line) +
                          ") in " + clip(members.front().g->provincie));
        continue;
      }
      members.push_back({g, row.line});
      emit(s->file, row.line, "input.uitruilgroep", g->provincie, g->code, Obj()("groep", groep)("gemeente", g->code));
    }
    for (const auto& [groep, members] : groups) {
      if (members.size() == 1)
        problems_.add(s->file, first_line[groep],
                      "exchange group " + quote(groep) + " has one member; a municipality cannot exchange with itself");
    }
  }

  void beleid() {
    std::optional<Json> overrides = read_beleid(dir_, problems_, data_.file_sha256);
    if (!overrides) return;
    for (const auto& provincie : registry_.provinces()) emit("beleid.json", 1, "input.beleid", provincie, "", *overrides);
  }

  fs::path dir_;
  Problems problems_;
  CaseData data_;
  OrderedJobs<ReadAhead> ahead_;  // last: its worker is joined before the rest goes
  Gemeenten registry_;
  bool registry_ok_ = false;  // gemeenten.csv was read (its rows may still have problems)
  bool loaded_ = false;
  bool capacity_known_ = true;  // verslag.csv and kansrijk.csv read without problems
  std::map<std::string, method::PerCategory> verslag_;
  std::map<std::string, Places> promising_;
};

}  // namespace

LoadResult load_case(const std::string& dir) { return Loader(dir).run(); }

}  // namespace verdeel::casefile
