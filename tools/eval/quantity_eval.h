// The quantity rows of claimx-eval's type table (scorer.cc, TypeAdapters()):
// how Duckling's number, money and dimension cases are typed and valued, and
// how a quantity mention is compared with them.
//
// A value is written "<figure>[ <unit>]": the figure a plain decimal ("10",
// "6700.54"), or an interval for bounded amounts ("[10,20]", "[10,)",
// "(,10]", Duckling's notation); the unit claimx's symbol ("USD", "km",
// "°C"), absent for a count. Gold units are Duckling's names (kilometre,
// celsius, "$"), mapped to claimx's symbols here; a unit claimx has no symbol
// for stays as Duckling wrote it, so the comparison fails visibly.
#ifndef CLAIMX_TOOLS_EVAL_QUANTITY_EVAL_H_
#define CLAIMX_TOOLS_EVAL_QUANTITY_EVAL_H_

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extractor/mention.h"

namespace claimx::eval {

// The scored type of a Duckling expected entity from a quantity corpus file
// (Numeral, Ordinal, AmountOfMoney, Temperature, Distance, Volume, Quantity):
// "number", "ordinal", "money", "money_range" (Duckling's money "range"),
// or the dimension's subtype ("temperature", "distance", "volume",
// "product"). nullopt for a file of another dimension.
std::optional<std::string> DucklingQuantityType(const nlohmann::json& entity,
                                                std::string_view file);

// The gold value of such an entity, in the format above.
std::string DucklingQuantityValue(const nlohmann::json& entity);

// A quantity mention's value in the same format (`gold` is unused: the
// signature of a type-table row).
std::string QuantityPredictedValue(const Mention& mention, std::string_view gold);

// Same figure (relative difference below 1e-9, or the same interval) and
// same unit.
bool SameQuantity(std::string_view predicted, std::string_view gold);

// The type a spurious quantity mention is counted under, from its unit:
// number, percent, money, money_range, temperature, distance, volume,
// time_quantity, or dimension for other measures.
std::string QuantityType(const Mention& mention);

}  // namespace claimx::eval

#endif  // CLAIMX_TOOLS_EVAL_QUANTITY_EVAL_H_
