// ContentHash: the digest that identifies an article's bytes across runs.
//
// doc.content_hash (batch/sink.h) is the lower-case hex SHA-256 of the bytes
// the offsets index: the article text as read (a JSONL record's `text`, a
// .txt file's bytes), or the text extracted from an HTML file. A re-run
// skips a document whose id is stored with the same digest; a cryptographic
// digest makes "same digest, different text" a non-event, which a 64-bit
// checksum over millions of articles would not.
//
// Pure function, thread-safe, no allocation beyond the returned string.
#ifndef CLAIMX_BATCH_CONTENT_HASH_H_
#define CLAIMX_BATCH_CONTENT_HASH_H_

#include <string>
#include <string_view>

namespace claimx {

// 64 lower-case hex digits.
std::string ContentHash(std::string_view bytes);

}  // namespace claimx

#endif  // CLAIMX_BATCH_CONTENT_HASH_H_
