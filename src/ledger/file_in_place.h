#pragma once
// Giving a new ledger file its name only once it is whole (Store::create): an init that is
// interrupted (killed, a full disk) leaves nothing half-made at the ledger's name, only a file
// beside it that is safe to delete. No SQLite here: names, links and renames.
#include <filesystem>
#include <string>
#include <vector>

namespace verdeel::ledger {

// The file a ledger path names: symbolic links followed to what they point at, as SQLite opens
// it, also when the file pointed at does not exist yet.
std::filesystem::path followed(const std::filesystem::path& path);

// A name beside `target` to make the file under: "<target>.init-<8 random hex digits>".
std::string scratch_name(const std::filesystem::path& target);
// The leftovers of interrupted inits beside `target` (scratch names, with their journals).
std::vector<std::filesystem::path> scratch_leftovers(const std::filesystem::path& target);

// Makes `target` name the finished file `made`, or throws StoreError (removing `made`):
//   - nothing at `target`: a hard link, which fails when something appeared there meanwhile; on a
//     file system without hard links (FAT, some network and container mounts) the name is
//     reserved with O_EXCL and `made` renamed over it;
//   - an empty regular file at `target` (a name reserved by hand): `made` is renamed over it, and
//     takes its permissions and, where allowed, its owner;
//   - anything else: refused ("refusing to overwrite").
// Then the directory is synced, so the name is as durable as the file's first transaction.
void put_in_place(const std::filesystem::path& made, const std::filesystem::path& target);

}  // namespace verdeel::ledger
