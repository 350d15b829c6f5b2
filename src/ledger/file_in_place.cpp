#include "ledger/file_in_place.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <vector>

#include "ledger/store.h"

namespace verdeel::ledger {

namespace fs = std::filesystem;

fs::path followed(const fs::path& path) {
  fs::path p = path;
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
    const fs::path target = fs::read_symlink(p, ec);
    if (ec) break;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  return p;
}

std::string scratch_name(const fs::path& target) {
  static const char* const kHex = "0123456789abcdef";
  std::random_device rd;
  std::string suffix;
  for (int i = 0; i < 2; ++i) {
    uint32_t v = rd();
    for (int d = 0; d < 4; ++d, v >>= 4) suffix += kHex[v & 0xF];
  }
  return target.string() + ".init-" + suffix;
}

std::vector<fs::path> scratch_leftovers(const fs::path& target) {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = target.filename().string() + ".init-";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(prefix, 0) == 0) out.push_back(it->path());
  return out;
}

namespace {

[[noreturn]] void give_up(const fs::path& made, const fs::path& target, int err) {
  std::error_code ec;
  fs::remove(made, ec);
  if (err == EEXIST) throw StoreError("refusing to overwrite '" + target.string() + "': the file exists");
  throw StoreError("cannot create '" + target.string() + "': " + std::strerror(err));
}

bool no_hard_links(int err) { return err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS || err == EMLINK; }

}  // namespace

void put_in_place(const fs::path& made, const fs::path& target) {
  struct stat there {};
  const bool empty_there = ::lstat(target.c_str(), &there) == 0 && S_ISREG(there.st_mode) && there.st_size == 0;
  std::error_code ec;
  if (empty_there) {
    ::chmod(made.c_str(), there.st_mode & 07777);
    if (::chown(made.c_str(), there.st_uid, there.st_gid) != 0) {
      // Not allowed (not root): the file stays the creator's, as any file it makes.
    }
    if (::rename(made.c_str(), target.c_str()) != 0) give_up(made, target, errno);
  } else if (::link(made.c_str(), target.c_str()) == 0) {
    fs::remove(made, ec);
  } else {
    const int err = errno;
    if (!no_hard_links(err)) give_up(made, target, err);
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) give_up(made, target, errno);
    ::close(fd);
    if (::rename(made.c_str(), target.c_str()) != 0) {
      const int rename_err = errno;
      fs::remove(target, ec);  // our own empty reservation
      give_up(made, target, rename_err);
    }
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace verdeel::ledger
