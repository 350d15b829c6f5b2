// bench_ledger DB N: creates a ledger at DB and appends records through the
// real store API (Store::Writer::append: canonical JSON, SHA-256, insert, and
// whatever else append maintains) until it holds N records, in ONE writing
// transaction, as one large import would. Used by scripts/bench.
//
// The records look like input rows of past cycles (input.indicatief,
// input.verslag, input.historie) about municipalities GM5000..GM9999, so the
// municipalities of the generated country (GM0001..GM0999) keep the same
// number of records whatever N is.
//
// Prints "<records appended> <seconds> <bytes of data>" on stdout; the time
// covers opening the transaction, every append and the commit.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "ledger/store.h"
#include "util/canonical_json.h"
#include "util/rational.h"

namespace {

const char* const kProvinces[] = {"Groningen", "Fryslan",  "Drenthe",       "Overijssel",   "Flevoland", "Gelderland",
                                  "Utrecht",   "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"};

verdeel::ledger::Draft draft(int64_t i) {
  using verdeel::Json;
  verdeel::ledger::Draft d;
  char code[8];
  std::snprintf(code, sizeof code, "GM%04d", static_cast<int>(5000 + i % 5000));
  d.subject = code;
  d.cycle = std::to_string(1990 + (i / 50000) % 30);
  d.province = kProvinces[(i / 7) % 12];
  switch (i % 3) {
    case 0:
      d.kind = "input.indicatief";
      d.body = Json{{"gemeente", code}, {"regulier", 100 + i % 997}, {"amv", i % 41}};
      break;
    case 1:
      d.kind = "input.verslag";
      d.body = Json{{"gemeente", code}, {"regulier", 80 + i % 1013}, {"amv", i % 37}};
      break;
    default:
      d.kind = "input.historie";
      // A tenth, as import writes one: in lowest terms (a whole number when it is one).
      d.body = Json{{"gemeente", code}, {"gemiddeld", verdeel::to_json(verdeel::Rational::of(1001 + 2 * (i % 4987), 10))}};
      break;
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_ledger DB N\n";
    return 2;
  }
  const std::string path = argv[1];
  const int64_t n = std::stoll(argv[2]);
  try {
    verdeel::ledger::Store::create(path);
    verdeel::ledger::Store store(path, verdeel::ledger::Store::Mode::read_write);
    auto t0 = std::chrono::steady_clock::now();
    verdeel::ledger::Store::Writer w(store);
    int64_t bytes = 0, appended = 0;
    for (int64_t i = w.size(); i < n; ++i, ++appended) bytes += static_cast<int64_t>(w.append(draft(i)).data.size());
    w.commit();
    std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    std::printf("%lld %.6f %lld\n", static_cast<long long>(appended), dt.count(), static_cast<long long>(bytes));
  } catch (const std::exception& e) {
    std::cerr << "bench_ledger: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
