#include "random_hex.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace support::server {

std::string random_hex(std::size_t byte_count) {
  std::vector<unsigned char> bytes(byte_count);
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(std::string("cannot open /dev/urandom: ") + std::strerror(errno));
  std::size_t filled = 0;
  while (filled < byte_count) {
    const ssize_t n = ::read(fd, bytes.data() + filled, byte_count - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot read /dev/urandom");
    }
    filled += static_cast<std::size_t>(n);
  }
  ::close(fd);
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(byte_count * 2);
  for (unsigned char b : bytes) {
    hex += digits[b >> 4];
    hex += digits[b & 0x0F];
  }
  return hex;
}

}  // namespace support::server
