// JSON-LD emitter: the claims of an article as schema.org `Claim` objects, so
// that a ClaimReview (schema.org/ClaimReview, `itemReviewed`) can point at
// them.
//
// One JSON-LD document per article: an `@graph` with the article (a
// `NewsArticle`, blank node `_:article`) and one `Claim` per claim (blank node
// `_:c1`...): `text` is the statement, `author` the source (a `Person`,
// `Organization`, `GovernmentOrganization`, `NewsMediaOrganization` or
// `CreativeWork` after the source type; absent for an unattributed claim),
// `appearance` the article, `datePublished` the article's date,
// `contentLocation` the claim's places (`Place` with country and coordinates
// when known), `temporalCoverage` its dates with a known calendar extent
// (ISO 8601, an interval start/end when the date has a range), `about` its
// figures as `QuantitativeValue`s, `identifier` the claim id of the schema v1
// output. schema.org has no byte offsets: the v1 JSON stays the evidence,
// this is the exchange format.
// Article text is written through nlohmann::json (invalid UTF-8 as U+FFFD).
#ifndef CLAIMX_EXTRACTOR_EMIT_JSONLD_H_
#define CLAIMX_EXTRACTOR_EMIT_JSONLD_H_

#include <string_view>

#include <nlohmann/json.hpp>

#include "extractor/document.h"

namespace claimx {

nlohmann::ordered_json DocumentToJsonLd(const AnnotatedDocument& doc,
                                        std::string_view original);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_EMIT_JSONLD_H_
