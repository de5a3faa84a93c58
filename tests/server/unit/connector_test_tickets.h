#pragma once
// A stored ticket as the forwarder hands it to a connector.
#include "connectors/helpdesk_connector.h"

namespace support_test {

inline support::server::DeliveryRequest delivery_request(const std::string& email = "ada@example.com") {
  support::server::DeliveryRequest request;
  request.delivery_id = "t_0123456789abcdef01234567";
  request.number = 42;
  request.client_ip = "192.0.2.10";
  request.ticket = {{"id", request.delivery_id},
                    {"number", 42},
                    {"name", "Ada Lovelace"},
                    {"email", email},
                    {"subject", "Grüße: login fails"},
                    {"description", "Seit gestern: \"Passwort falsch\" & 100% sicher, es stimmt."},
                    {"category", "account"},
                    {"troubleshooting", {{{"step", "reset"}, {"title", "Did a reset help?"}, {"label", "No"}}}},
                    {"extra", {{"site_url", "https://shop.example"}, {"name", "must not override"}}}};
  return request;
}

}  // namespace support_test
