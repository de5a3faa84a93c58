#pragma once
// What the HTTP connectors share: a client for the configured base URL and one rule for what an
// answer means (docs/server.md, "Retries"): 2xx delivered; no answer, 408, 429 and 5xx are worth
// another try (honouring Retry-After); any other 4xx is a rejection for good.
#include "connectors/helpdesk_connector.h"

#include <httplib.h>

#include <optional>
#include <string>

namespace support::server {

struct HelpdeskUrl {
  std::string origin;     // "https://rt.example:8443": what httplib::Client takes
  std::string base_path;  // "" or "/rt" (never ending in '/')
};

// Splits an http(s) URL; the configuration check already made sure it has a scheme and a host.
HelpdeskUrl split_helpdesk_url(const std::string& url);

httplib::Client helpdesk_client(const HelpdeskUrl& url, int timeout_seconds);

// nullopt for a 2xx answer; otherwise what the forwarder should do, with a reason for staff
// naming `helpdesk` and quoting the start of the answer.
std::optional<DeliveryOutcome> unless_success(const httplib::Result& result, const std::string& helpdesk);

// The start of a body for an error message: at most 200 bytes, one line.
std::string body_excerpt(const std::string& body);

// RFC 3986 percent-encoding of everything but unreserved characters (for data: URLs, queries).
std::string percent_encode(const std::string& text);

}  // namespace support::server
