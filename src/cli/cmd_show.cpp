// verdeel show --cycle C --province P [--format ...]: the decision table.
#include "cli/context.h"
#include "cli/explanations.h"
#include "cli/ledger_facts.h"
#include "cli/output.h"
#include "cli/runs.h"
#include "report/render.h"

namespace verdeel::cli {

namespace {
struct ShowOptions {
  std::string cycle;
  std::string province;
  std::string format = "table";
  int64_t run = 0;
  std::string sep = ";";
  bool bom = false;
  std::string out;
};

// --sep: one character other than a quote or a line break; "tab" for a tab.
char separator(const std::string& s) {
  if (s == "tab" || s == "\\t") return '\t';
  if (s.size() != 1 || s[0] == '"' || s[0] == '\n' || s[0] == '\r')
    throw UsageError("--sep must be one character (not a quote or line break), or 'tab'; got '" + s + "'");
  return s[0];
}
}  // namespace

void register_show(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "Show a decision");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("--format", opt->format, "table, json, csv, markdown, html")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown", "html"}));
  sub->add_option("--run", opt->run, "Show an earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->add_option("--sep", opt->sep, "csv: field separator (default ';' as Dutch spreadsheets expect; ',' or 'tab')");
  sub->add_flag("--bom", opt->bom,
                "csv: start with a UTF-8 byte order mark, so that Excel shows names like Súdwest-Fryslân and "
                "Oekraïners as written");
  sub->add_option("--out", opt->out, "Write to this file instead of standard output");
  sub->callback([&g, opt] {
    if (opt->bom && opt->format != "csv") throw UsageError("--bom is for --format csv");
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    char sep = separator(opt->sep);
    const std::vector<RunSpan> spans = run_spans(*store, opt->cycle, province);
    auto run = load_run(*store, spans, opt->cycle, province, opt->run);
    say_if_superseded(spans, opt->run, opt->cycle, province);
    auto view = report::view_of(run);
    view.later_runs = later_runs_of(spans, view.run);
    view.newer_inputs = newer_inputs_of(*store, run);
    say_if_inputs_corrected(view.newer_inputs, run);
    std::string text;
    if (opt->format == "json") {
      text = report::decision_json(view).dump(2) + "\n";
    } else if (opt->format == "csv") {
      text = (opt->bom ? "\xEF\xBB\xBF" : "") + report::decision_csv(view, sep);
    } else if (opt->format == "markdown") {
      text = report::decision_markdown(view);
    } else if (opt->format == "html") {
      view.ledger = ledger_facts(*store, view.record_seq);
      view.explanations = explanation_texts(*store, run);
      text = report::decision_html(view);
    } else {
      text = report::decision_table(view);
    }
    emit(text, opt->out);
  });
}

VERDEEL_COMMAND(40, "show", register_show);

}  // namespace verdeel::cli
