#include "staff_token.h"

#include "random_hex.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace support::server {
namespace {

constexpr std::size_t kTokenBytes = 32;

bool looks_like_token(const std::string& text) {
  if (text.size() != kTokenBytes * 2) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string read_token_file(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  std::string token = text.str();
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
  return token;
}

void write_token_file(const std::string& path, const std::string& token) {
  // Write a temporary file and rename it: a crash never leaves a half-written token behind.
  const std::string temporary = path + ".tmp";
  ::unlink(temporary.c_str());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + temporary + ": " + std::strerror(errno));
  const std::string line = token + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
}

}  // namespace

std::string load_or_create_staff_token(const std::string& data_dir) {
  const std::string path = data_dir + "/staff-token";
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    const std::string token = read_token_file(path);
    if (!looks_like_token(token)) {
      throw std::runtime_error(path + " does not hold a staff token (64 hex digits); delete it to make a new one");
    }
    if ((info.st_mode & 077) != 0) ::chmod(path.c_str(), 0600);  // others must not read it
    return token;
  }
  const std::string token = random_hex(kTokenBytes);
  write_token_file(path, token);
  return token;
}

bool staff_token_matches(std::string_view expected, std::string_view presented) {
  if (expected.empty() || expected.size() != presented.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    difference |= static_cast<unsigned char>(expected[i] ^ presented[i]);
  }
  return difference == 0;
}

std::string bearer_token(std::string_view header) {
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size()) return "";
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return "";
  }
  std::string_view token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return std::string(token);
}

}  // namespace support::server
