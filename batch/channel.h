// Channel: a bounded FIFO between threads, shared by the batch runner
// (reader -> annotators -> writer) and `claimx load` (parser -> writer).
#ifndef CLAIMX_BATCH_CHANNEL_H_
#define CLAIMX_BATCH_CHANNEL_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace claimx {

// A FIFO between threads; Push blocks while `capacity` items wait (0: no
// bound). After Close, Pop drains what is left, then returns nullopt.
// A blocked Push is woken once the queue is down to half its capacity, not
// at every Pop: each wake is a futex system call, and the producer (the
// reader, ahead of the annotators) is usually the one waiting. Consumers
// drain the queue, so the half mark is always reached.
//
// A polled channel wakes no consumer on Push: its consumer looks every
// `poll` instead. For the writer, which waits for each document the
// annotators finish: woken by each Push, it cost a futex call per document
// (4% of a one-worker run); a few milliseconds late, it writes a batch.
template <typename T>
class Channel {
 public:
  explicit Channel(size_t capacity,
                   std::chrono::milliseconds poll = std::chrono::milliseconds(0))
      : capacity_(capacity), poll_(poll) {}

  void Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return capacity_ == 0 || items_.size() < capacity_; });
    items_.push_back(std::move(item));
    if (poll_.count() == 0) not_empty_.notify_one();
  }
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    auto ready = [&] { return !items_.empty() || closed_; };
    if (poll_.count() == 0) {
      not_empty_.wait(lock, ready);
    } else {
      while (!not_empty_.wait_for(lock, poll_, ready)) {
      }
    }
    return TakeFront();
  }
  std::optional<T> TryPop() {
    std::lock_guard lock(mutex_);
    return TakeFront();
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::optional<T> TakeFront() {
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    if (capacity_ != 0 && items_.size() <= capacity_ / 2) not_full_.notify_one();
    return item;
  }

  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  std::chrono::milliseconds poll_;
  bool closed_ = false;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_CHANNEL_H_
