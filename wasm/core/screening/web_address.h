#pragma once
// Does a customer's "address of your site" parse as a web address? Accepts what people type:
// "https://www.example.com/shop", "www.example.com", "example.co.uk:8080/x", an
// internationalised host ("bücher.example"). Rejects spaces, e-mail addresses, other schemes,
// hosts without a dot ("localhost", "mysite") and malformed host names.
#include <string_view>

namespace support {

bool is_web_address(std::string_view text);

}  // namespace support
