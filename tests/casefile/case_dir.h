#pragma once
// A case directory in the system's temp dir, written from file name -> bytes
// and removed again when the test ends.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

class CaseDir {
 public:
  explicit CaseDir(const std::map<std::string, std::string>& files) {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("verdeel-casefile-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
    for (const auto& [name, bytes] : files) {
      std::ofstream out(path_ / name, std::ios::binary);
      out << bytes;
    }
  }
  ~CaseDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  CaseDir(const CaseDir&) = delete;
  CaseDir& operator=(const CaseDir&) = delete;

  std::string str() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};
