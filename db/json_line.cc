#include "db/json_line.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace claimx::db {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kMembersReserved = 24;

// nlohmann's SAX events, building the DOM bottom-up.
class DomBuilder : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return Add(Json(nullptr)); }
  bool boolean(bool value) override { return Add(Json(value)); }
  bool number_integer(number_integer_t value) override { return Add(Json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return Add(Json(value)); }
  bool number_float(number_float_t value, const string_t&) override { return Add(Json(value)); }
  bool string(string_t& value) override { return Add(Json(std::move(value))); }
  bool binary(binary_t& value) override { return Add(Json::binary(std::move(value))); }

  bool start_object(std::size_t) override {
    open_.emplace_back();
    open_.back().is_object = true;
    // claimx/1 objects have up to ~20 members: one allocation, no growth.
    open_.back().members.reserve(kMembersReserved);
    return true;
  }

  bool key(string_t& name) override {
    Open& object = open_.back();
    for (size_t i = 0; i < object.members.size(); ++i) {
      if (object.members[i].first == name) {
        object.slot = i;  // nlohmann's operator[]: the later value wins
        return true;
      }
    }
    object.slot = object.members.size();
    object.members.emplace_back(std::move(name), Json());
    return true;
  }

  bool end_object() override {
    Json object(Json::value_t::object);
    auto& map = object.get_ref<Json::object_t&>();
    std::vector<std::pair<std::string, Json>>& members = open_.back().members;
    map.reserve(members.size());
    for (auto& [name, value] : members) {
      // The vector's own emplace_back: ordered_map's would search for the key.
      map.Json::object_t::Container::emplace_back(std::move(name), std::move(value));
    }
    open_.pop_back();
    return Add(std::move(object));
  }

  bool start_array(std::size_t) override {
    open_.emplace_back();
    open_.back().array = Json::array();
    return true;
  }

  bool end_array() override {
    Json array = std::move(open_.back().array);
    open_.pop_back();
    return Add(std::move(array));
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_ = "invalid JSON at byte " + std::to_string(position) + ": " + error.what();
    return false;
  }

  const std::string& error() const { return error_; }
  Json& root() { return root_; }

 private:
  struct Open {
    bool is_object = false;
    std::vector<std::pair<std::string, Json>> members;  // objects
    size_t slot = 0;                                    // member the next value fills
    Json array;                                         // arrays
  };

  bool Add(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
    } else if (open_.back().is_object) {
      open_.back().members[open_.back().slot].second = std::move(value);
    } else {
      open_.back().array.get_ref<Json::array_t&>().push_back(std::move(value));
    }
    return true;
  }

  std::vector<Open> open_;
  Json root_;
  std::string error_;
};

}  // namespace

Result<nlohmann::ordered_json> ParseJsonLine(std::string_view line) {
  DomBuilder builder;
  const bool ok = Json::sax_parse(line.begin(), line.end(), &builder);
  if (!ok) return InvalidArgument(builder.error());
  return std::move(builder.root());
}

}  // namespace claimx::db
