// verdeel besluit --cycle C --province P [--format markdown|html] [--lang nl|en] [--out FILE]:
// the decision as the Dutch document the minister signs (report/besluit.h),
// with the ledger facts that anchor it; with --lang en its English translation.
#include "cli/context.h"
#include "cli/ledger_facts.h"
#include "cli/output.h"
#include "cli/runs.h"
#include "report/besluit.h"
#include "report/besluit_dates.h"

namespace verdeel::cli {

namespace {
struct BesluitCmdOptions {
  std::string cycle;
  std::string province;
  std::string format = "markdown";
  std::string lang = "nl";
  int64_t run = 0;
  std::string out;
  report::BesluitOptions doc;
};
}  // namespace

void register_besluit(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<BesluitCmdOptions>();
  auto* sub = app.add_subcommand(
      "besluit", "Write the decision as a Dutch document (Besluit and Toelichting); with --lang en, its English "
                 "translation (the Dutch text is the decision)");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("--format", opt->format, "markdown (default) or html")
      ->check(CLI::IsMember({"markdown", "html"}));
  sub->add_option("--lang", opt->lang, "nl (default): the decision; en: an English translation of it")
      ->check(CLI::IsMember({"nl", "en"}));
  sub->add_option("--run", opt->run, "An earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->add_option("--out", opt->out, "Write to this file instead of standard output");
  sub->add_option("--date", opt->doc.datum,
                  "Date of the decision, in Dutch as it is dated (\"20 december 2024\"; with --lang en written \"20 "
                  "December 2024\"); default [datum] ([date])")
      ->check([](const std::string& date) {
        return report::valid_dutch_date(date) ? std::string()
                                              : "'" + date + "' is not a date as a decision is dated, like '20 december "
                                                             "2024' (a day the month has, the month in Dutch, the year)";
      });
  sub->add_option("--number", opt->doc.nummer, "Number of the decision; default [nummer] ([number])");
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    const std::vector<RunSpan> spans = run_spans(*store, opt->cycle, province);
    const decision::Run run = load_run(*store, spans, opt->cycle, province, opt->run);
    auto view = report::view_of(run);
    say_if_superseded(spans, opt->run, opt->cycle, province);
    view.ledger = ledger_facts(*store, view.record_seq);
    view.later_runs = later_runs_of(spans, view.run);
    view.newer_inputs = newer_inputs_of(*store, run);
    say_if_inputs_corrected(view.newer_inputs, run);
    opt->doc.lang = opt->lang == "en" ? report::Lang::en : report::Lang::nl;
    auto doc = report::besluit_document(view, opt->doc);
    emit(opt->format == "html" ? report::besluit_html(doc) : report::besluit_markdown(doc), opt->out);
  });
}

VERDEEL_COMMAND(47, "besluit", register_besluit);

}  // namespace verdeel::cli
