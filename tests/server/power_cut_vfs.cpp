#include "power_cut_vfs.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace support_test {

// What SQLite allocates for each open file (szOsFile bytes): our header, then the real file of
// the wrapped VFS.
struct PowerCutVfs::OpenFile {
  sqlite3_file header;  // first: SQLite only sees this
  PowerCutVfs* owner;
  std::string* path;  // null for files nobody reopens (temporary, delete-on-close)
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

namespace {

using OpenFile = PowerCutVfs::OpenFile;

OpenFile& open_file(sqlite3_file* file) { return *reinterpret_cast<OpenFile*>(file); }
sqlite3_file* real(sqlite3_file* file) { return open_file(file).real(); }

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

// The io methods: everything goes to the real file; writes, truncations and syncs are also
// recorded (or, with the power off, dropped). Version 2: shared memory for WAL, but no
// memory-mapped I/O, so every change to a file passes through xWrite.
struct PowerCutIo {
  static int close(sqlite3_file* file) {
    OpenFile& f = open_file(file);
    const int rc = f.real()->pMethods ? f.real()->pMethods->xClose(f.real()) : SQLITE_OK;
    delete f.path;
    f.path = nullptr;
    return rc;
  }
  static int read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xRead(real(file), out, amount, offset);
  }
  static int write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset);
  static int truncate(sqlite3_file* file, sqlite3_int64 size);
  static int sync(sqlite3_file* file, int flags);
  static int file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real(file)->pMethods->xFileSize(real(file), size);
  }
  static int lock(sqlite3_file* file, int level) { return real(file)->pMethods->xLock(real(file), level); }
  static int unlock(sqlite3_file* file, int level) { return real(file)->pMethods->xUnlock(real(file), level); }
  static int check_reserved_lock(sqlite3_file* file, int* out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
  }
  static int file_control(sqlite3_file* file, int op, void* arg) {
    return real(file)->pMethods->xFileControl(real(file), op, arg);
  }
  static int sector_size(sqlite3_file* file) { return real(file)->pMethods->xSectorSize(real(file)); }
  static int device_characteristics(sqlite3_file* file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
  }
  static int shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return real(file)->pMethods->xShmMap(real(file), region, size, extend, out);
  }
  static int shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
  }
  static void shm_barrier(sqlite3_file* file) { real(file)->pMethods->xShmBarrier(real(file)); }
  static int shm_unmap(sqlite3_file* file, int delete_flag) {
    return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
  }

  static const sqlite3_io_methods methods;
};

const sqlite3_io_methods PowerCutIo::methods = {
    2,
    PowerCutIo::close,
    PowerCutIo::read,
    PowerCutIo::write,
    PowerCutIo::truncate,
    PowerCutIo::sync,
    PowerCutIo::file_size,
    PowerCutIo::lock,
    PowerCutIo::unlock,
    PowerCutIo::check_reserved_lock,
    PowerCutIo::file_control,
    PowerCutIo::sector_size,
    PowerCutIo::device_characteristics,
    PowerCutIo::shm_map,
    PowerCutIo::shm_lock,
    PowerCutIo::shm_barrier,
    PowerCutIo::shm_unmap,
    nullptr,
    nullptr,
};

int PowerCutIo::write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  OpenFile& f = open_file(file);
  {
    std::lock_guard<std::mutex> guard(f.owner->mutex_);
    if (!f.owner->powered_) return SQLITE_OK;  // the machine is off: nothing reaches the disk
    if (f.path) f.owner->record(*f.path, {offset, std::string(static_cast<const char*>(data), amount), false});
  }
  return f.real()->pMethods->xWrite(f.real(), data, amount, offset);
}

int PowerCutIo::truncate(sqlite3_file* file, sqlite3_int64 size) {
  OpenFile& f = open_file(file);
  {
    std::lock_guard<std::mutex> guard(f.owner->mutex_);
    if (!f.owner->powered_) return SQLITE_OK;
    if (f.path) f.owner->record(*f.path, {size, {}, true});
  }
  return f.real()->pMethods->xTruncate(f.real(), size);
}

int PowerCutIo::sync(sqlite3_file* file, int flags) {
  OpenFile& f = open_file(file);
  std::lock_guard<std::mutex> guard(f.owner->mutex_);
  if (!f.owner->powered_) return SQLITE_OK;
  const int rc = f.real()->pMethods->xSync(f.real(), flags);
  if (rc == SQLITE_OK && f.path) f.owner->make_durable(*f.path);
  ++f.owner->syncs_;
  return rc;
}

PowerCutVfs::PowerCutVfs() {
  base_ = sqlite3_vfs_find(nullptr);
  if (!base_) throw std::runtime_error("no default SQLite VFS to wrap");
  vfs_.iVersion = 2;
  vfs_.szOsFile = static_cast<int>(sizeof(OpenFile)) + base_->szOsFile;
  vfs_.mxPathname = base_->mxPathname;
  vfs_.zName = "support-test-power-cut";
  vfs_.pAppData = this;
  vfs_.xOpen = PowerCutVfs::open;
  vfs_.xDelete = PowerCutVfs::remove;
  // The rest is the wrapped VFS's business, called with its own sqlite3_vfs.
  vfs_.xAccess = [](sqlite3_vfs* v, const char* name, int flags, int* out) {
    return of(v).base_->xAccess(of(v).base_, name, flags, out);
  };
  vfs_.xFullPathname = [](sqlite3_vfs* v, const char* name, int n, char* out) {
    return of(v).base_->xFullPathname(of(v).base_, name, n, out);
  };
  vfs_.xDlOpen = [](sqlite3_vfs* v, const char* name) { return of(v).base_->xDlOpen(of(v).base_, name); };
  vfs_.xDlError = [](sqlite3_vfs* v, int n, char* out) { of(v).base_->xDlError(of(v).base_, n, out); };
  vfs_.xDlSym = [](sqlite3_vfs* v, void* handle, const char* name) {
    return of(v).base_->xDlSym(of(v).base_, handle, name);
  };
  vfs_.xDlClose = [](sqlite3_vfs* v, void* handle) { of(v).base_->xDlClose(of(v).base_, handle); };
  vfs_.xRandomness = [](sqlite3_vfs* v, int n, char* out) { return of(v).base_->xRandomness(of(v).base_, n, out); };
  vfs_.xSleep = [](sqlite3_vfs* v, int microseconds) { return of(v).base_->xSleep(of(v).base_, microseconds); };
  vfs_.xCurrentTime = [](sqlite3_vfs* v, double* out) { return of(v).base_->xCurrentTime(of(v).base_, out); };
  vfs_.xGetLastError = [](sqlite3_vfs* v, int n, char* out) {
    return of(v).base_->xGetLastError(of(v).base_, n, out);
  };
  vfs_.xCurrentTimeInt64 = [](sqlite3_vfs* v, sqlite3_int64* out) {
    return of(v).base_->xCurrentTimeInt64(of(v).base_, out);
  };
  if (sqlite3_vfs_register(&vfs_, 1) != SQLITE_OK) throw std::runtime_error("cannot register the power-cut VFS");
}

PowerCutVfs::~PowerCutVfs() {
  sqlite3_vfs_unregister(&vfs_);
  sqlite3_vfs_register(base_, 1);  // the wrapped VFS is the default again
}

int PowerCutVfs::open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  PowerCutVfs& self = of(vfs);
  OpenFile& f = open_file(file);
  f.owner = &self;
  f.path = nullptr;
  f.header.pMethods = nullptr;
  const int rc = self.base_->xOpen(self.base_, name, f.real(), flags, out_flags);
  if (rc != SQLITE_OK) return rc;  // pMethods stays null: SQLite will not call xClose
  if (name && !(flags & SQLITE_OPEN_DELETEONCLOSE)) {
    f.path = new std::string(name);
    std::lock_guard<std::mutex> guard(self.mutex_);
    if (!self.files_.count(*f.path)) {
      // A file we meet for the first time: what is on disk now counts as durable.
      FileState& state = self.files_[*f.path];
      state.durable_exists = std::filesystem::exists(*f.path) && std::filesystem::file_size(*f.path) > 0;
      if (state.durable_exists) state.durable_image = read_whole_file(*f.path);
    }
  }
  f.header.pMethods = &PowerCutIo::methods;
  return SQLITE_OK;
}

int PowerCutVfs::remove(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  PowerCutVfs& self = of(vfs);
  {
    std::lock_guard<std::mutex> guard(self.mutex_);
    if (!self.powered_) return SQLITE_OK;
    self.files_.erase(name);  // counted as durable at once: generous, never hides a lost write
  }
  return self.base_->xDelete(self.base_, name, sync_dir);
}

void PowerCutVfs::record(const std::string& path, FileOp op) { files_[path].pending.push_back(std::move(op)); }

void PowerCutVfs::make_durable(const std::string& path) {
  FileState& state = files_[path];
  for (const FileOp& op : state.pending) {
    const auto at = static_cast<std::size_t>(op.offset);
    if (op.truncate) {
      state.durable_image.resize(at);
      continue;
    }
    if (state.durable_image.size() < at + op.data.size()) state.durable_image.resize(at + op.data.size());
    state.durable_image.replace(at, op.data.size(), op.data);
  }
  state.pending.clear();
  state.durable_exists = true;
}

void PowerCutVfs::cut_power() {
  std::lock_guard<std::mutex> guard(mutex_);
  powered_ = false;
}

void PowerCutVfs::restore_durable_images() {
  std::lock_guard<std::mutex> guard(mutex_);
  for (auto& [path, state] : files_) {
    std::error_code ignored;
    if (state.durable_exists) {
      std::ofstream(path, std::ios::binary | std::ios::trunc) << state.durable_image;
    } else {
      std::filesystem::remove(path, ignored);
    }
    state.pending.clear();
    // The WAL index (-shm) lives in shared memory; after a power cut SQLite rebuilds it.
    std::filesystem::remove(path + "-shm", ignored);
  }
  powered_ = true;
}

}  // namespace support_test
