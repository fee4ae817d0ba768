#include "tools/eval/quantity_eval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace claimx::eval {

namespace {

// Duckling's unit names -> claimx's symbols. "degree" (no scale given) is
// read as Celsius, as claimx reads "°" in French text.
const std::map<std::string, std::string, std::less<>>& DucklingUnits() {
  static const std::map<std::string, std::string, std::less<>> units = {
      {"$", "USD"},         {"USD", "USD"},        {"EUR", "EUR"},
      {"GBP", "GBP"},       {"£", "GBP"},          {"ILS", "ILS"},
      {"rial", "IRR"},      {"riyal", "SAR"},      {"celsius", "°C"},
      {"degree", "°C"},     {"fahrenheit", "°F"},  {"kilometre", "km"},
      {"metre", "m"},       {"centimetre", "cm"},  {"mile", "mi"},
      {"millilitre", "mL"}, {"centilitre", "cL"},  {"litre", "L"},
      {"hectolitre", "hL"}, {"gallon", "gal"},
  };
  return units;
}

std::string Figure(double value) {
  char out[64];
  std::snprintf(out, sizeof(out), "%.15g", value);
  return out;
}

// "10" -> "10", "10.0" -> "10"; "" stays "" (an open interval end).
std::string CanonicalFigure(std::string_view text) {
  if (text.empty()) return "";
  std::string s(text);
  char* end = nullptr;
  double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return s;
  return Figure(value);
}

// "[10,20]" with each end canonical; a plain figure canonical.
std::string CanonicalValue(std::string_view value) {
  if (value.empty() || (value.front() != '[' && value.front() != '(')) {
    return CanonicalFigure(value);
  }
  size_t comma = value.find(',');
  if (comma == std::string_view::npos || value.size() < 3) return std::string(value);
  return std::string(1, value.front()) + CanonicalFigure(value.substr(1, comma - 1)) + "," +
         CanonicalFigure(value.substr(comma + 1, value.size() - comma - 2)) + value.back();
}

bool IsCurrency(const std::string& unit) {
  return unit.size() == 3 &&
         std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::optional<std::string> DucklingQuantityType(const nlohmann::json& entity,
                                                std::string_view file) {
  if (file.find("/Numeral/") != std::string_view::npos) return "number";
  if (file.find("/Ordinal/") != std::string_view::npos) return "ordinal";
  if (file.find("/AmountOfMoney/") != std::string_view::npos) {
    return entity.value("type", "") == "range" ? "money_range" : "money";
  }
  if (file.find("/Quantity/") != std::string_view::npos) return "product";
  for (const char* dimension : {"Temperature", "Distance", "Volume"}) {
    if (file.find("/" + std::string(dimension) + "/") != std::string_view::npos) {
      return entity.value("subtype", "");
    }
  }
  return std::nullopt;
}

std::string DucklingQuantityValue(const nlohmann::json& entity) {
  std::string value = CanonicalValue(entity.value("value", ""));
  std::string unit = entity.value("currency", entity.value("unit", ""));
  if (unit.empty()) return value;
  auto symbol = DucklingUnits().find(unit);
  return value + " " + (symbol == DucklingUnits().end() ? unit : symbol->second);
}

std::string QuantityPredictedValue(const Mention& mention, std::string_view) {
  const auto& q = std::get<QuantityValue>(mention.value);
  std::string value;
  switch (q.bound) {
    case Bound::kRange:
      value = "[" + Figure(q.low.value_or(q.value)) + "," + Figure(q.high.value_or(q.value)) + "]";
      break;
    case Bound::kAtLeast:
      value = "[" + Figure(q.value) + ",)";
      break;
    case Bound::kAtMost:
    case Bound::kUpTo:
      value = "(," + Figure(q.value) + "]";
      break;
    case Bound::kExact:
      value = Figure(q.value);
      break;
  }
  return q.unit ? value + " " + *q.unit : value;
}

bool SameQuantity(std::string_view predicted, std::string_view gold) {
  auto split = [](std::string_view v) {
    size_t space = v.find(' ');
    std::string figure(v.substr(0, space));
    std::string unit(space == std::string_view::npos ? "" : v.substr(space + 1));
    return std::make_pair(CanonicalValue(figure), unit);
  };
  auto [p_figure, p_unit] = split(predicted);
  auto [g_figure, g_unit] = split(gold);
  if (p_unit != g_unit) return false;
  if (p_figure == g_figure) return true;
  char* p_end = nullptr;
  char* g_end = nullptr;
  double p = std::strtod(p_figure.c_str(), &p_end);
  double g = std::strtod(g_figure.c_str(), &g_end);
  if (*p_end != '\0' || *g_end != '\0' || p_figure.empty() || g_figure.empty()) return false;
  return std::fabs(p - g) <= 1e-9 * std::max(std::fabs(p), std::fabs(g));
}

std::string QuantityType(const Mention& mention) {
  static const std::set<std::string, std::less<>> temperature = {"°C", "°F"};
  static const std::set<std::string, std::less<>> distance = {"km", "m", "cm", "mm", "mi"};
  static const std::set<std::string, std::less<>> volume = {"L", "mL", "cL", "hL", "gal", "m3"};
  static const std::set<std::string, std::less<>> time = {"a", "mo", "wk", "d", "h",
                                                          "min", "s", "century", "decade"};
  const auto& q = std::get<QuantityValue>(mention.value);
  if (!q.unit || *q.unit == "ratio") return "number";
  const std::string& unit = *q.unit;
  if (unit == "%" || unit == "pp") return "percent";
  if (IsCurrency(unit)) return q.bound == Bound::kExact ? "money" : "money_range";
  if (temperature.count(unit)) return "temperature";
  if (distance.count(unit)) return "distance";
  if (volume.count(unit)) return "volume";
  if (time.count(unit)) return "time_quantity";
  return "dimension";
}

}  // namespace claimx::eval
