// Expected failures are values (unreadable file, bad config), not exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace doisoat {

struct Error {
  std::string path;    // the file the error is about ("" when none)
  std::string reason;  // one line, for the user
  std::string message() const { return path.empty() ? reason : path + ": " + reason; }
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace doisoat
