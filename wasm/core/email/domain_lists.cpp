#include "email/domain_lists.h"

namespace support {

const DomainLists& default_domain_lists() {
  // Kept short on purpose: every entry is a domain a typo could be pulled towards, so only
  // domains many customers really use belong here.
  static const DomainLists lists{
      {
          // international
          "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
          "yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "aim.com", "icloud.com", "me.com",
          "mac.com", "proton.me", "protonmail.com", "pm.me", "zoho.com", "zohomail.com",
          "yandex.com", "mail.com", "gmx.com", "fastmail.com", "hey.com", "tutanota.com",
          // regional
          "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de",
          "yandex.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "ya.ru",
          "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "live.co.uk",
          "outlook.de", "outlook.fr", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es",
          "yahoo.it", "yahoo.co.jp", "yahoo.com.br", "btinternet.com", "sky.com",
          "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it",
          "seznam.cz", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "ziggo.nl", "telenet.be",
          "bluewin.ch", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "cox.net",
          "charter.net", "shaw.ca", "rogers.com", "sympatico.ca", "bigpond.com", "optusnet.com.au",
          "xtra.co.nz", "qq.com", "163.com", "126.com", "naver.com", "daum.net", "uol.com.br",
          "bol.com.br", "terra.com.br", "rediffmail.com",
      },
      {"gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "ymail", "aol", "icloud",
       "protonmail", "gmx", "yandex", "zoho", "mail"},
      {"com", "net", "org", "info", "biz", "edu", "gov", "mil", "io", "co", "me", "app", "dev",
       "eu", "de", "at", "ch", "fr", "be", "nl", "lu", "it", "es", "pt", "ie", "uk", "co.uk",
       "org.uk", "se", "no", "dk", "fi", "is", "pl", "cz", "sk", "hu", "ro", "bg", "gr", "tr",
       "ru", "ua", "by", "kz", "us", "ca", "mx", "br", "com.br", "ar", "com.ar", "cl", "co.za",
       "in", "co.in", "cn", "jp", "co.jp", "kr", "tw", "com.tw", "hk", "sg", "my", "au",
       "com.au", "net.au", "nz", "co.nz", "il", "co.il", "ae", "qa"},
  };
  return lists;
}

}  // namespace support
