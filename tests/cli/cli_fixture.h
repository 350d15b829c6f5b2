#pragma once
// Runs the real `verdeel` program, as a user would, in a temporary directory.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace verdeel::testing {

struct Outcome {
  int status = -1;  // exit status
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A scratch directory with a ledger path; removed afterwards.
struct Cli {
  std::filesystem::path dir;
  std::string db;

  Cli() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("verdeel-cli-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    db = (dir / "ledger.db").string();
  }
  ~Cli() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Cli(const Cli&) = delete;
  Cli& operator=(const Cli&) = delete;

  // verdeel --db <db> args...; stdin from /dev/null.
  Outcome run(const std::vector<std::string>& args, const std::string& env = "") const {
    std::vector<std::string> all = {"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return run_raw(all, env);
  }

  // verdeel args... in `dir`, without --db; env is prefixed (e.g. "VERDEEL_DB=x").
  Outcome run_raw(const std::vector<std::string>& args, const std::string& env = "") const {
    std::string cmd = "cd " + shell_quote(dir.string()) + " && " + env + (env.empty() ? "" : " ") +
                      "VERDEEL_TIME=2024-12-20T12:00:00Z " + shell_quote(VERDEEL_BINARY);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    return shell(cmd);
  }

  // A shell command, without input; its output caught in `dir`.
  Outcome shell(std::string cmd) const {
    auto out_file = dir / "stdout.txt", err_file = dir / "stderr.txt";
    cmd += " </dev/null >" + shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());
    int rc = std::system(cmd.c_str());
    Outcome o;
    o.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    o.out = slurp(out_file);
    o.err = slurp(err_file);
    return o;
  }

  // init + import + decide of a shipped example (examples/NAME), all succeeding.
  void decided(const std::string& example, const std::string& province) const {
    run({"init"});
    auto imp = run({"import", "--cycle", "2024", example_dir(example)});
    if (imp.status != 0) throw std::runtime_error("import failed: " + imp.err);
    auto dec = run({"decide", "--cycle", "2024", "--province", province});
    if (dec.status != 0) throw std::runtime_error("decide failed: " + dec.err);
  }

  static std::string example_dir(const std::string& name) {
    return std::string(VERDEEL_SOURCE_DIR) + "/examples/" + name;
  }

  // Copies a shipped example to a scratch case directory for editing.
  std::filesystem::path copy_example(const std::string& name, const std::string& as = "case") const {
    auto to = dir / as;
    std::filesystem::remove_all(to);
    std::filesystem::copy(example_dir(name), to, std::filesystem::copy_options::recursive);
    return to;
  }

  static void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream o(p, std::ios::binary | std::ios::trunc);
    o << text;
  }
};

}  // namespace verdeel::testing
