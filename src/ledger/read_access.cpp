#include "ledger/read_access.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace verdeel::ledger {

ReadAccess choose_read_access(bool can_create_beside, bool wal_exists, bool shm_exists) {
  if (can_create_beside || (wal_exists && shm_exists)) return ReadAccess::normal;
  return wal_exists ? ReadAccess::wal_unreadable : ReadAccess::immutable;
}

Beside look_beside(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path file = fs::canonical(path, ec);
  if (ec) file = path;  // SQLite's own open will say what is wrong
  fs::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  Beside b;
  // access(2) asks the kernel, which knows read-only mounts and the caller's rights (root's too).
  b.can_create = ::access(folder.c_str(), W_OK | X_OK) == 0;
  const std::string f = file.string();
  b.wal = fs::exists(f + "-wal", ec);
  b.shm = fs::exists(f + "-shm", ec);
  return b;
}

std::string immutable_uri(const std::string& path) {
  // RFC 3986 unreserved characters and '/' stay; every other byte is %XX (SQLite decodes them,
  // so '?', '#', '%', spaces and non-ASCII names all mean themselves).
  static const char hex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  if (!path.empty() && path.front() == '/') uri += "//";  // file:///abs/path: an empty authority
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
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
