// verdeel explain --cycle C --province P GEMEENTE [--format text|json] [--lang nl|en]:
// why this municipality got its numbers, in the order of the method, every
// line naming its records and rule (report/explain.h). Read-only.
#include <iostream>

#include "cli/context.h"
#include "cli/runs.h"
#include "report/explain.h"

namespace verdeel::cli {

namespace {
struct ExplainOptions {
  std::string cycle;
  std::string province;
  std::string gemeente;
  std::string format = "text";
  std::string lang = "nl";
  int64_t run = 0;
};
}  // namespace

void register_explain(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ExplainOptions>();
  auto* sub = app.add_subcommand("explain", "Why a municipality got its numbers: every input, step and rule, with records");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("gemeente", opt->gemeente, "Municipality: CBS code (GM0106) or name")->required();
  sub->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--lang", opt->lang, "nl (default) or en")->check(CLI::IsMember({"nl", "en"}));
  sub->add_option("--run", opt->run, "Explain an earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    std::string code = resolve_gemeente(*store, opt->gemeente, province);
    const std::vector<RunSpan> spans = run_spans(*store, opt->cycle, province);
    decision::Run run = load_run(*store, spans, opt->cycle, province, opt->run);
    say_if_superseded(spans, opt->run, opt->cycle, province);
    say_if_inputs_corrected(newer_inputs_of(*store, run), run);
    std::vector<decision::RecordedStep> inputs = run_input_steps(*store, run);
    bool found = false;
    for (const auto& r : run.records) found = found || (r.kind == "result.gemeente" && r.subject == code);
    if (!found) throw UsageError(opt->gemeente + " (" + code + ") is not a municipality of " + province + " " + opt->cycle);
    auto e = report::explain(run, inputs, code);
    if (opt->format == "json")
      std::cout << report::explain_json(e).dump(2) << "\n";
    else
      std::cout << report::explain_text(e, opt->lang == "en" ? report::Lang::en : report::Lang::nl);
  });
}

VERDEEL_COMMAND(45, "explain", register_explain);

}  // namespace verdeel::cli
