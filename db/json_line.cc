#include "db/json_line.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/simdjson_line.h"

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

// simdjson's tree as nlohmann's parser would have built it: members in
// order, a repeated key at its first position with its last value, a
// non-negative integer unsigned (nlohmann's number_unsigned; "-0" alone
// comes out unsigned here, signed there: equal, and written "0" by both).
Json ToJson(simdjson::dom::element element) {
  using Type = simdjson::dom::element_type;
  switch (element.type()) {
    case Type::ARRAY: {
      Json array = Json::array();
      auto& items = array.get_ref<Json::array_t&>();
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        items.push_back(ToJson(item));
      }
      return array;
    }
    case Type::OBJECT: {
      std::vector<std::pair<std::string, Json>> members;
      members.reserve(kMembersReserved);
      for (simdjson::dom::key_value_pair field : simdjson::dom::object(element)) {
        Json value = ToJson(field.value);
        bool repeated = false;
        for (auto& [name, earlier] : members) {
          if (name == field.key) {
            earlier = std::move(value);
            repeated = true;
            break;
          }
        }
        if (!repeated) members.emplace_back(std::string(field.key), std::move(value));
      }
      Json object(Json::value_t::object);
      auto& map = object.get_ref<Json::object_t&>();
      map.reserve(members.size());
      for (auto& [name, value] : members) {
        map.Json::object_t::Container::emplace_back(std::move(name), std::move(value));
      }
      return object;
    }
    case Type::INT64: {
      const int64_t value = int64_t(element);
      if (value >= 0) return Json(static_cast<uint64_t>(value));
      return Json(value);
    }
    case Type::UINT64: return Json(uint64_t(element));
    case Type::DOUBLE: return Json(double(element));
    case Type::STRING: return Json(std::string(std::string_view(element)));
    case Type::BOOL: return Json(bool(element));
    case Type::NULL_VALUE: return Json(nullptr);
  }
  return Json();
}

}  // namespace

bool ReadWithSimdjson(std::string_view line, simdjson::dom::element* root) {
  if (line.size() > kSimdjsonMaxLineBytes) return false;
  thread_local simdjson::dom::parser parser(kSimdjsonMaxLineBytes);
  return !parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(*root);
}

Result<nlohmann::ordered_json> ParseJsonLine(std::string_view line) {
  // Lines simdjson refuses go to nlohmann, which reads them or words the
  // error.
  if (simdjson::dom::element root; ReadWithSimdjson(line, &root)) return ToJson(root);
  DomBuilder builder;
  const bool ok = Json::sax_parse(line.begin(), line.end(), &builder);
  if (!ok) return InvalidArgument(builder.error());
  return std::move(builder.root());
}

}  // namespace claimx::db
