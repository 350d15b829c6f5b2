#pragma once
// Starting the real `verdeel` program as a child process the test can kill or
// race (crash and concurrency tests), and looking at a ledger file directly,
// read-only, through SQLite (not through the program under test).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace verdeel::testing {

// verdeel --db DB args..., stdout and stderr to `log`, stdin from /dev/null.
inline pid_t spawn_verdeel(const std::string& db, const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> argv_s{VERDEEL_BINARY, "--db", db};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    setenv("VERDEEL_TIME", "2024-12-20T12:00:00Z", 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

struct Ended {
  bool killed = false;  // ended by a signal
  int code = -1;        // exit status when not killed
};

inline Ended wait_for(pid_t pid) {
  int st = 0;
  while (waitpid(pid, &st, 0) < 0) {
  }
  Ended e;
  e.killed = WIFSIGNALED(st);
  if (WIFEXITED(st)) e.code = WEXITSTATUS(st);
  return e;
}

// The ledger as SQLite sees it, opened read-only by the test itself.
struct LedgerFile {
  std::string integrity;  // PRAGMA integrity_check: "ok" when sound
  int64_t records = -1;
  int64_t max_seq = -2;
};

inline LedgerFile inspect(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  LedgerFile f;
  f.integrity = d.execAndGet("PRAGMA integrity_check").getString();
  f.records = d.execAndGet("SELECT COUNT(*) FROM record").getInt64();
  f.max_seq = d.execAndGet("SELECT COALESCE(MAX(seq), -1) FROM record").getInt64();
  return f;
}

// Replaces db (and any -wal/-shm left by a killed writer) by a copy of `from`.
inline void restore_ledger(const std::string& from, const std::string& db) {
  for (const char* ext : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + ext);
  std::filesystem::copy_file(from, db);
}

}  // namespace verdeel::testing
