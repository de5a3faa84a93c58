#pragma once
// A test-only SQLite VFS that can simulate a power cut (the idea of SQLite's own crash tests):
// it wraps the default VFS and keeps, for every file it opens, the image the file had at its
// last xSync. Writes and truncations reach the real file at once but count as durable only after
// the next xSync of that file. cut_power() drops everything from then on (the machine is off:
// nothing the still-open connection does reaches the disk); restore_durable_images() then puts
// every file back to its last synced image, deleting files that were never synced. What SQLite
// did not sync is lost, exactly as after a real power cut with a write-back disk cache.
//
// Installed as the default VFS while it lives, so the server's own Database class opens through
// it unchanged. One instance at a time; not for concurrent use by several connections.
#include <sqlite3.h>

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace support_test {

class PowerCutVfs {
 public:
  PowerCutVfs();   // registers itself as SQLite's default VFS
  ~PowerCutVfs();  // unregisters; the previous default is the default again
  PowerCutVfs(const PowerCutVfs&) = delete;
  PowerCutVfs& operator=(const PowerCutVfs&) = delete;

  void cut_power();               // from now on writes, truncations, syncs and deletes are dropped
  void restore_durable_images();  // every file back to its last synced state; power is back on

  std::size_t syncs() const { return syncs_; }  // xSync calls seen so far (for the report)

  struct OpenFile;  // what SQLite allocates per open file (power_cut_vfs.cpp)

 private:
  friend struct PowerCutIo;  // the per-file methods record into files_
  struct FileOp {  // a write (data at offset) or, when truncate is set, a truncation to offset
    sqlite3_int64 offset = 0;
    std::string data;
    bool truncate = false;
  };
  struct FileState {
    bool durable_exists = false;  // whether the file exists after a power cut
    std::string durable_image;    // its bytes as of the last sync
    std::vector<FileOp> pending;  // what happened since, in order
  };

  static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags);
  static int remove(sqlite3_vfs* vfs, const char* name, int sync_dir);
  static PowerCutVfs& of(sqlite3_vfs* vfs) { return *static_cast<PowerCutVfs*>(vfs->pAppData); }

  void record(const std::string& path, FileOp op);
  void make_durable(const std::string& path);

  sqlite3_vfs* base_ = nullptr;
  sqlite3_vfs vfs_{};
  std::mutex mutex_;
  bool powered_ = true;
  std::size_t syncs_ = 0;
  std::map<std::string, FileState> files_;  // by full path
};

}  // namespace support_test
