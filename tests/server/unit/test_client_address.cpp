#include "client_address.h"

#include <doctest/doctest.h>

using support::server::client_address;

namespace {

httplib::Request from(const std::string& peer, std::vector<std::string> forwarded = {}) {
  httplib::Request request;
  request.remote_addr = peer;
  for (const std::string& value : forwarded) request.headers.emplace("x-forwarded-for", value);
  return request;
}

}  // namespace

TEST_CASE("client address: X-Forwarded-For counts only when the peer is a trusted proxy") {
  const std::vector<std::string> proxies = {"10.0.0.2", "10.0.0.3"};
  CHECK(client_address(from("203.0.113.9", {"198.51.100.1"}), proxies) == "203.0.113.9");  // anyone can send it
  CHECK(client_address(from("203.0.113.9", {"198.51.100.1"}), {}) == "203.0.113.9");
  CHECK(client_address(from("10.0.0.2", {"198.51.100.1"}), proxies) == "198.51.100.1");
  // A client's own forged entries sit to the left of what our proxies appended.
  CHECK(client_address(from("10.0.0.2", {"1.1.1.1, 198.51.100.1, 10.0.0.3"}), proxies) == "198.51.100.1");
  CHECK(client_address(from("10.0.0.2", {"1.1.1.1", "198.51.100.7"}), proxies) == "198.51.100.7");
  CHECK(client_address(from("10.0.0.2"), proxies) == "10.0.0.2");  // no header: the proxy itself
  CHECK(client_address(from("10.0.0.2", {" , "}), proxies) == "10.0.0.2");
}
