// BatchRunner: annotates a stream of article records on N threads and hands
// the documents to a DocumentSink, the refused records to a QuarantineSink.
//
//   InputReader ──► reader thread ──► work queue ──► N workers ──► writer
//                   (hash, resume,     (bounded)     (one Annotator  (reorder,
//                    duplicates)                      clone each)     batches)
//
// Memory is constant whatever the input size: at most `window_documents`
// records, holding at most `window_bytes` of text, are between the reader
// and the sink at any time (a single larger record is let through alone);
// the rest waits in the input. With `ordered` the sink sees documents in
// input order (a slow document holds the ones after it); otherwise in
// completion order.
//
// Resume and duplicates (`skip_known`): a record whose id was already seen
// in this run or is stored in the sink (DocumentSink::StoredHash) with the
// same content hash is skipped; with another hash it is quarantined as
// duplicate_id. The first occurrence wins. Memory: about 50 bytes per
// distinct id (a 64-bit hash of the id and 64 bits of its content hash, in
// a hash map): the one part that grows with the dump, 36 MB over 717 210
// documents.
//
// The runner never calls the sink from two threads at once. It stops reading
// when `stop` becomes true (a signal), then annotates and writes everything
// already read, so an interrupted run ends with whole documents only; what
// was not read is picked up by a re-run. A sink or quarantine error (disk
// full) ends the run with that error after the workers stop; documents
// written before it stay written.
#ifndef CLAIMX_BATCH_RUNNER_H_
#define CLAIMX_BATCH_RUNNER_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "batch/input.h"
#include "batch/quarantine.h"
#include "batch/sink.h"
#include "extractor/annotator.h"

namespace claimx {

struct BatchOptions {
  size_t threads = 1;
  bool ordered = true;
  std::chrono::milliseconds doc_timeout{0};  // 0: no time budget
  bool skip_known = true;                    // off in --mapper mode: no state
  size_t sink_batch = 128;                   // documents per DocumentSink::Write
  size_t window_documents = 0;               // 0: 64 per thread + 64
  size_t window_bytes = size_t{32} << 20;
};

// Live counts, readable from a progress thread while the run goes on.
struct BatchCounters {
  std::atomic<uint64_t> records{0};       // records read (blank lines aside)
  std::atomic<uint64_t> documents{0};     // written to the sink
  std::atomic<uint64_t> skipped_stored{0};     // already in the sink (resume)
  std::atomic<uint64_t> skipped_duplicates{0};  // same id, same text, again
  std::atomic<uint64_t> quarantined{0};
  std::atomic<uint64_t> text_bytes{0};    // bytes of the documents written
  std::atomic<uint64_t> claims{0};
};

// What is only known at the end (the writer thread fills it).
struct BatchSummary {
  std::map<std::string, uint64_t> mentions_by_kind;
};

class BatchRunner {
 public:
  // `prototype` is cloned once per worker; it must outlive Run().
  BatchRunner(const Annotator& prototype, BatchOptions options);

  Status Run(InputReader* input, DocumentSink* sink, QuarantineSink* quarantine,
             const std::atomic<bool>* stop, BatchCounters* counters, BatchSummary* summary);

 private:
  const Annotator& prototype_;
  BatchOptions options_;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_RUNNER_H_
