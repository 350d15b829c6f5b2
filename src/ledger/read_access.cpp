#include "ledger/read_access.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace verdeel::ledger {

ReadAccess choose_read_access(bool can_create_beside, bool wal_exists, bool shm_exists) {
  if (can_create_beside || (wal_exists && shm_exists)) return ReadAccess::normal;
  return wal_exists ? ReadAccess::wal_unreadable : ReadAccess::immutable;
}

namespace {
// SQLite puts the -wal and -shm files beside the file a symbolic link leads to: so do we.
std::filesystem::path resolved(const std::string& path) {
  std::error_code ec;
  std::filesystem::path file = std::filesystem::canonical(path, ec);
  return ec ? std::filesystem::path(path) : file;  // on error SQLite's own open will say what is wrong
}
}  // namespace

bool has_wal(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(resolved(path).string() + "-wal", ec);
}

ReadAccess read_access(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path file = resolved(path);
  fs::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  // access(2) asks the kernel, which knows read-only mounts and the caller's rights (root's too).
  const bool can_create = ::access(folder.c_str(), W_OK | X_OK) == 0;
  const std::string f = file.string();
  return choose_read_access(can_create, fs::exists(f + "-wal", ec), fs::exists(f + "-shm", ec));
}

std::string immutable_uri(const std::string& path) {
  // RFC 3986 unreserved characters and '/' stay; every other byte is %XX (SQLite decodes them,
  // so '?', '#', '%', spaces and non-ASCII names all mean themselves).
  static const char hex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  if (!path.empty() && path.front() == '/') uri += "//";  // file:///abs/path: an empty authority
  for (unsigned char c : path) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 0xF];
    }
  }
  return uri + "?mode=ro&immutable=1";
}

}  // namespace verdeel::ledger
