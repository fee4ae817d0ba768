#include "batch/content_hash.h"

#include <openssl/evp.h>

#include <new>

namespace claimx {

std::string ContentHash(std::string_view bytes) {
  // OpenSSL's one-shot digest (libssl-dev). It fails only when it cannot
  // allocate its context, which is what std::bad_alloc says for the string
  // it returns too.
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1 ||
      size != 32) {
    throw std::bad_alloc();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace claimx
