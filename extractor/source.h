// Sources: the noun phrases that name who speaks, and the reporting verbs
// that introduce them. Driven by rules/fr/source.yaml.
//
// SourceGrammar holds the data of source.yaml in lookup form:
//   * reporting verb forms, generated once from the lemmas and the tables of
//     endings (plus the irregular forms), in one hash table: LookupVerb() is
//     one probe per word, whatever the number of verbs;
//   * titles, determiners, source head nouns, pronouns, the words that end a
//     phrase and the words to skip before a statement.
// ParsePhrase() reads a source noun phrase from tokens:
//   "le colonel John J. Thomas, un porte-parole" -> name "John J. Thomas",
//       type person, role "colonel, porte-parole";
//   "L'ONG Airwars basée à Londres" -> "Airwars", organization;
//   "le commandement militaire américain au Moyen-Orient (Centcom)" ->
//       "Centcom", government, alias "commandement militaire américain au
//       Moyen-Orient";
//   "les militaires américains" -> "militaires américains", government;
//   "une source policière" -> anonymous; "il", "selon lui" -> a pronoun
//       that the claim linker resolves; "le porte-parole" alone -> a role
//       the linker resolves to the last source holding it.
// Spans index the text given (normalized text).
//
// Thread safety: immutable after Create(); all methods are const.
#ifndef CLAIMX_EXTRACTOR_SOURCE_H_
#define CLAIMX_EXTRACTOR_SOURCE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rules.h"
#include "extractor/segmenter.h"
#include "extractor/span.h"
#include "extractor/status.h"
#include "extractor/word_gate.h"
#include "extractor/word_map.h"

namespace claimx {

enum class Gender { kUnknown, kMasculine, kFeminine, kPlural };

struct VerbForm {
  std::string lemma;  // "déclarer", "faire valoir"
  bool finite = false;
  bool participle = false;
  bool gerund = false;  // "affirmant": a cue after "en" or a comma, whose
                        // subject is the clause's
  bool infinitive = false;  // "poursuivre": a cue after "avant de"
};

struct SourcePhrase {
  enum class Reference {
    kNamed,     // the phrase names its source
    kPronoun,   // "il", "elle", "lui": an earlier source
    kRoleOnly,  // "le porte-parole", "le ministre": an earlier holder
  };
  Span span;  // the evidence, determiner and apposition included
  std::string name;
  std::string type;  // person organization government anonymous document media
  std::optional<std::string> role;
  std::optional<std::string> alias;  // the expansion of an acronym name
  Gender gender = Gender::kUnknown;
  Reference reference = Reference::kNamed;
  bool proper_name = false;  // the name is capitalized words, not a noun
  bool definite = false;     // "le", "la", "l'", "ce": someone already known
  bool possessive = false;   // "son", "sa", "leur": someone's
  bool demonstrative_plural = false;  // "ces": a group already spoken of
  bool first_name = false;   // a person's name opening with a known first name
  bool latest = false;       // "ce dernier", "celle-ci": the last one named
  // "le premier", "le second": which of the last two people named (1 or
  // 2), 0 for other phrases.
  int of_pair = 0;
  bool same = false;         // "la même source": the one spoken of before
  // A pronoun whose quote says "je": a person's words, not a body's.
  bool speaks_as_person = false;
  // A pronoun whose quote speaks of "mon client", "ma cliente": a lawyer's
  // words, not their client's.
  bool speaks_as_lawyer = false;
  // A pronoun after the quote it speaks ("…, a-t-il insisté") when a colon
  // of its sentence opened that quote: where the colon is. Whoever the
  // sentence names before it is outside the quote, and may be the pronoun
  // ("L'avocat a balayé l'hypothèse : « … », a-t-il insisté").
  std::optional<size_t> quote_colon;
  std::string head;          // the source noun heading it ("agence"), if any
  // For a document head ("un décompte diffusé par X"): the phrase of X.
  std::optional<Span> handed_on_from;
};

// The place mentions of a text, for ParsePhrase(): spans sorted by start.
struct PhrasePlaces {
  const std::vector<Span>* names = nullptr;     // countries, cities...
  const std::vector<Span>* demonyms = nullptr;  // "Américain", "syriens"
};

class SourceGrammar {
 public:
  // Fails when a lexicon of source.yaml is missing or a verb's conjugation
  // class has no table.
  static Result<SourceGrammar> Create(const RuleBook& rules);

  // The reporting verb this word (lower case or not) is a form of.
  const VerbForm* LookupVerb(std::string_view word) const;
  // The same for a word already in lower case (no folding: the hot path).
  const VerbForm* LookupLowerVerb(std::string_view lower) const;
  // Whether some multi-word form starts with this lower-case word
  // ("fait" for "fait valoir").
  bool StartsMultiWordVerb(std::string_view lower) const {
    return multi_word_starts_.Contains(lower);
  }
  // The inverted pronoun's gender when `word` ends with one ("poursuit-elle"
  // -> f, the verb part left in *verb_part), nullopt otherwise.
  std::optional<Gender> SplitInversion(std::string_view word,
                                       std::string_view* verb_part) const;
  // An auxiliary ("a", "ont", "a-t-il"); *inverted set when it carries a
  // pronoun.
  bool IsAuxiliary(std::string_view word, std::optional<Gender>* inverted) const;
  // "est", "sont": the auxiliary of a reflexive perfect ("s'est réjoui").
  bool IsReflexiveAuxiliary(std::string_view word) const;
  // A form of devoir, pouvoir, aller or vouloir ("doit", "va").
  bool IsModalVerb(std::string_view word) const;
  // A noun of time ("jour", "veille"): no speaker.
  bool IsTimeNoun(std::string_view word) const;
  // A word before which a finite form is a noun ("le chiffre").
  bool BlocksVerb(std::string_view word) const;
  bool IsStatementSkip(std::string_view words) const;
  // Words between a cue and its speaker or statement that say where, when
  // or to whom it was said ("à l'afp", "dans un communiqué"), lower case,
  // words joined by one space (none after an elision).
  bool IsSpeechSetting(std::string_view words) const;
  // False when no speech setting starts with `first`, a folded word: then
  // none starts with it and the words after it either, and a caller trying
  // spans of several words from there may stop. (The folded text of several
  // words starts with its first word folded.)
  bool MayStartSpeechSetting(std::string_view first) const;
  // Whether `lower` (folded words) is a known body's name (organization_names).
  bool IsOrganizationName(std::string_view lower) const;
  // Whether `lower` (a folded word) is one of organization_words, which
  // make a proper name a body's: "Amnesty International".
  bool IsOrganizationWord(std::string_view lower) const;
  // A verb that reports speech only with a que-clause ("prévoir que").
  bool NeedsQue(std::string_view lemma) const;
  // What else than a que-clause such a verb reports with: "infinitive"
  // ("a assuré n'avoir rien vu"; not "a assuré l'intérim"), "à" ("conclut
  // au suicide"; not "ont conclu un accord"), "object" (a direct object,
  // not as a reflexive: "a exprimé le vœu de …"; not "s'est exprimée à
  // Francfort"), "figure" (an object holding a figure: "l'Insee prévoit
  // une croissance de 0,8 %"; not "la loi prévoit la fermeture"), or
  // empty.
  std::string_view OtherContentOf(std::string_view lemma) const;
  // A head noun of sources ("agence", "ministère").
  bool IsSourceNoun(std::string_view word) const;
  // The source type of a head noun ("media" for "journal"), or empty.
  std::string_view SourceNounType(std::string_view word) const;
  // A title of someone speaking for a body ("porte-parole").
  bool IsMemberTitle(std::string_view word) const;
  // "le premier", "la seconde" (pair_pronouns), in lower case.
  bool IsPairPronoun(std::string_view lower) const;
  // A title that heads a body ("numéro un", "patron", "présidente"): its
  // family is in head_families.
  bool HeadsABody(std::string_view title) const;
  // A participle naming a body's head after "par" ("dirigée" in "la CFDT
  // dirigée par Laurent Berger"): leading_participles.
  bool IsLeadingParticiple(std::string_view word) const;
  // Words after a person's name and a comma that make them a body's head
  // ("à la tête de", "qui dirige"), in lower case: heading_phrases.
  bool IsHeadingPhrase(std::string_view lower) const;
  // A role in lower case with a synonym at its start read as the role it
  // stands for ("chef de l'État" -> "président de la république"; the
  // role_synonyms lexicon).
  std::string CanonicalRole(std::string_view role) const;
  // The longest title a lower-case role starts with ("président" of
  // "président des états-unis", "premier ministre"; "maire" of "ancien
  // maire de nice", past a prenominal adjective), empty if none.
  std::string_view TitleOf(std::string_view canonical_role) const;
  // Whether two lower-case titles may describe one person: the same title,
  // or two of one family in the title_families lexicon ("universitaire"
  // and "professeur" may; "universitaire" and "ministre", "préfet" and
  // "procureur" may not).
  bool TitlesCompatible(std::string_view a, std::string_view b) const;
  // Whether the title `trade`, of a family of the trade_families lexicon,
  // may describe someone known by the title `office`, of a family that is
  // not a trade ("climatologue" and "présidente"; not "chanteur" and
  // "footballeur", nor "ministre" and "préfet").
  bool TradeDescribes(std::string_view trade, std::string_view office) const;
  // Whether a title is of a family of the trade_families lexicon
  // ("attaquant", "chanteuse"): it describes someone rather than naming an
  // office.
  bool IsTrade(std::string_view title) const;
  // Whether someone who held the title `former` may be described by the
  // title `title`, both of families of the career_families lexicon
  // ("l'ancien ministre X", then "le député").
  bool CareerDescribes(std::string_view former, std::string_view title) const;
  // Whether the leader word `leader` ("dirigeante", the leader_titles
  // lexicon) describes someone known by the title `office` of a career
  // family ("première ministre").
  bool LeaderDescribes(std::string_view leader, std::string_view office) const;
  // A noun naming what someone said ("constat", "remarque", "avis"): a
  // sentence "C'est la remarque de X." gives the one before it to X.
  bool IsSpeechNoun(std::string_view word) const;
  // What a source noun refers back to when it stands alone after a definite
  // article or a possessive: a body of its own type named before ("l'ONG",
  // "l'entreprise"), or any body for an organ of one ("la direction", "sa
  // rédaction": the company or paper just named). Names of unique
  // institutions ("la police", "la gauche") do not refer back.
  enum class Anaphora { kNone, kSameType, kAnyBody };
  Anaphora AnaphoraOf(std::string_view head) const;
  // Lemmas whose complement is a topic ("parler de la crise"): speech only
  // with a que-clause or quoted words.
  bool NamesTopic(std::string_view lemma) const;
  // Whether a count right after such a verb is what it says ("évoque 2 000
  // grévistes"): its topic_verbs value is "figure".
  bool CountsAsTopicObject(std::string_view lemma) const;
  // Whether an infinitive clause after such a verb is what it says ("ont
  // raconté avoir entendu des détonations"): its value is "infinitive".
  bool TakesInfinitiveContent(std::string_view lemma) const;
  // Whether a verb's whole content, in lower case, is a request not to be
  // named ("l'anonymat", "garder l'anonymat"): unspoken_contents.
  bool IsUnspokenContent(std::string_view lower) const;
  // Whether a participle before "par" names who read or obtained a
  // document ("consultée par l'AFP"), not its issuer: reader_participles.
  bool IsReaderParticiple(std::string_view lower) const;
  // Lemmas whose negation says something ("n'exclut pas que …"):
  // negated_speech_verbs. Any other negated cue attributes nothing.
  bool SpeaksNegated(std::string_view lemma) const;
  // Whether such a lemma says something only when negated: its
  // negated_speech_verbs value is "only" ("n'a pas caché que …" admits,
  // "a caché que …" does not report).
  bool SpeaksOnlyNegated(std::string_view lemma) const;
  // Whether "il se <lemma> que" is an impersonal rumour ("il se murmure
  // qu'…"), not the subject's words ("il se félicite que"):
  // impersonal_reflexives.
  bool IsImpersonalReflexive(std::string_view lemma) const;
  // Whether `lower` is a form of a linking verb a pronoun may put before a
  // quote of its words ("reste", "s'est montré"): copular_verbs. Sets
  // *reflexive when the form needs "se" before it.
  bool IsCopularVerb(std::string_view lower, bool* reflexive) const;
  // "formel", "catégorique": an attribute saying its subject asserts what
  // follows a colon (assertive_attributes).
  bool IsAssertiveAttribute(std::string_view lower) const;
  // "très", "plutôt": an adverb before such an attribute (intensifiers).
  bool IsIntensifier(std::string_view lower) const;
  // Whether "<lemma> <object words>" is an idiom that says nothing
  // ("déclarer forfait"): unspoken_objects.
  bool IsUnspokenObject(std::string_view lemma_and_words) const;
  // Lemmas that carry on the last speaker's words ("a ajouté", "poursuit").
  bool ContinuesSpeech(std::string_view lemma) const;
  // Whether the reflexive of a reporting verb says nothing ("se sont
  // qualifiés pour la finale", "s'est assuré que …"): unspoken_reflexives.
  bool IsUnspokenReflexive(std::string_view lemma) const;
  // The gender of a first name the lexicon knows ("sophie": feminine),
  // nullopt for other words; `lower` is folded.
  std::optional<Gender> FirstNameGender(std::string_view lower) const;
  // Lemmas whose object may come before their content ("accuse le
  // ministre d'avoir menti", "reproche au gouvernement de …"): the content
  // is the infinitive clause after the object. kRequired: without one
  // there is no content ("HP accuse une baisse").
  enum class ObjectFirst { kNo, kOptional, kRequired };
  ObjectFirst ObjectFirstOf(std::string_view lemma) const;
  // A title of someone close to a person ("avocate", "veuve"): after a
  // possessive, that person's, not a body's.
  bool IsRelationTitle(std::string_view word) const;
  // A verb before "de"/"à" and a reporting verb's infinitive that keeps it
  // reporting ("continue d'exiger", "vient d'annoncer", "tenu à rappeler").
  bool IsInfinitiveOpener(std::string_view word) const;
  // A word after which a new clause may start ("où", "et", "mais").
  bool IsClauseOpener(std::string_view word) const;
  // A clitic between a subject and its verb ("se", "lui", "n'").
  bool IsSubjectClitic(std::string_view word) const;
  // Function words, each a lexicon of the same name; `lower` is a word in
  // lower case. IsPreposition: a phrase right after one is governed by it
  // ("selon le maire"). IsClauseWord: a preposition, or another word that
  // follows a name in a clause and is not part of it ("lui", "qui", "ne").
  // IsCircumstancePreposition: opens a complement of time or place after a
  // verb ("après l'attaque"). IsRelativeOpener: closes a speaker's
  // description ("un fonctionnaire qui …"). IsRelativePronoun: after a
  // "pour"/"selon" cue ("pour qui", "selon lequel"). IsEmphaticPronoun:
  // "lui-même" after a name.
  bool IsPreposition(std::string_view lower) const;
  // A cardinal that counts a phrase's head after its article or at its
  // start ("les quatre maires", "les 27 ministres", "Cinq syndicats"):
  // digits, or words of numbers.yaml's number_words ("vingt-cinq"), not
  // "un"/"une", which are articles.
  bool IsCardinal(std::string_view lower) const;
  bool IsClauseWord(std::string_view lower) const;
  bool IsCircumstancePreposition(std::string_view lower) const;
  // The opening words of an occasion after a speaker ("lors", "à l'occasion").
  bool IsOccasionPreposition(std::string_view lower) const;
  // Those of them that open no time span ("lors", not "pendant": "ont
  // augmenté, pendant trois ans, de 4 %" is still one statement).
  bool OpensOnlyOccasions(std::string_view lower) const;
  // A capitalized word with a demonym's ending (demonym_endings):
  // "Turballais".
  bool EndsLikeDemonym(std::string_view word) const;
  bool IsRelativeOpener(std::string_view lower) const;
  bool IsRelativePronoun(std::string_view lower) const;
  bool IsEmphaticPronoun(std::string_view lower) const;
  // A noun naming a piece of news ("information"): as a reporting verb's
  // object alone, it reports nothing the sentence gives.
  bool IsNewsNoun(std::string_view lower) const;
  // A noun naming words someone said ("explications", "propos"): after
  // "selon les", its complement is the speaker.
  bool IsSaidNoun(std::string_view lower) const;
  // A participle or verb that gives its subject a role ("réélu", "nommée",
  // "devient"), in lower case.
  bool IsAppointmentWord(std::string_view lower) const;
  // An adjective that may come before a title ("nouveau", "ancien").
  bool IsPrenominalAdjective(std::string_view lower) const;
  // A conjunction that opens a subordinate clause at a sentence's start,
  // one word or two ("si", "bien que", "alors qu'"), in lower case.
  bool IsOpeningSubordinator(std::string_view lower) const;
  // A word that makes one conjunction or comparison with a "que" right
  // after it ("parce", "alors", "telles", "plus"): que_conjunction_heads.
  bool IsQueConjunctionHead(std::string_view lower) const;
  // A noun whose object only announces the quotation after a colon
  // ("résume la situation : « … »"): announcing_nouns.
  bool IsAnnouncingNoun(std::string_view lower) const;
  // Whether the words after "sans" (one, or two with a space) open the
  // reporter's remark on what was not said: sans_asides.
  bool IsSansAside(std::string_view lower) const;
  // Whether the word opens a clause in contrast with what precedes it
  // ("mais", or "alors"/"tandis"/"bien" when a "que" follows):
  // contrast_openers, whose value "que" asks for the "que".
  bool OpensContrast(std::string_view lower, bool que_follows) const;
  // Whether quoted words start with an entry of impersonal_quote_starts
  // and a space: after "il", « y a … » or « faut … » make it impersonal.
  bool StartsImpersonally(std::string_view quoted) const;
  // Whether "être" before this lower-case past participle is a compound
  // tense, not a passive ("est revenu", "est arrivée"): etre_participles.
  bool IsEtreParticiple(std::string_view lower) const;
  // A title or determiner word (lower case or not), for the scan that
  // learns people's names outside attributions.
  bool IsTitle(std::string_view word) const;
  bool IsDeterminer(std::string_view word) const;
  // The gender and number a determiner gives (determiners: "la" feminine,
  // "les" plural, "l'" unknown); nullopt for other words.
  std::optional<Gender> DeterminerGender(std::string_view word) const;
  // Whether a title of two words or more starts with `lower`, a folded
  // word ("première" of "première ministre"): only then is a two-word
  // title worth building and looking up.
  bool StartsLongerTitle(std::string_view lower) const;
  size_t verb_form_count() const { return verbs_.size(); }

  // Reads a source phrase starting at tokens[first], not past
  // tokens[limit - 1]. nullopt when the words there are not a source ("les
  // cas", "la seule Syrie", "que"). `places` are the spans of the place
  // mentions in `text`, sorted by start: a title's complement takes a
  // place name whole ("le maire de New York", not "York" as a name), and a
  // demonym before a name is a role ("l'Américain Pete Selleck").
  // `folded`, when given, holds LowerWord() of each token, index for index
  // (views that live as long as the call): a caller that parses many
  // phrases of one sentence folds its words once; without it each word is
  // folded as it is read.
  std::optional<SourcePhrase> ParsePhrase(
      std::string_view text, const std::vector<Token>& tokens, size_t first, size_t limit,
      PhrasePlaces places = {}, const std::vector<std::string_view>* folded = nullptr) const;

 private:
  // Lexicons looked up by string_view without a copy, in flat tables:
  // these lookups run for every word (word_map.h).
  using Words = WordMap<std::string>;
  bool In(const Words& words, std::string_view word) const;
  // The value of `key`, or null.
  const std::string* Find(const Words& words, std::string_view key) const;
  // Whether a title's family (title_families) is one of `families`.
  bool FamilyIn(std::string_view title, const Words& families) const;
  // The gender of the title `lower` (a hyphen may stand for a space).
  const std::string* FindTitle(std::string_view lower) const;
  // The title's family (title_families), through a title prefix ("vice-").
  const std::string* FamilyOf(std::string_view title) const;
  // `lower` without its title prefix ("procureure" of "vice-procureure"),
  // or empty when it has none.
  std::string_view WithoutTitlePrefix(std::string_view lower) const;
  // Whether `lower` is the noun of a body that has a name of its own
  // ("groupe", "ONG", "parti"): capitalized words after it are that name.
  bool NamesABody(std::string_view lower) const;

  WordMap<VerbForm> verbs_;
  Words multi_word_starts_;  // the first words of the verb forms of several words
  Words title_first_words_;  // the first words of the titles of several words
  // Names of bodies with lower-case words ("front national": type), and
  // the first word of each, capitalized ("Front"), by which a name is
  // looked up.
  Words organization_names_, organization_first_words_;
  size_t max_organization_words_ = 0;  // the longest name, in tokens
  // The speech settings' keys, sorted: any key with a given prefix is the
  // first one not below it.
  std::vector<std::string> sorted_speech_settings_;
  Words title_abbreviations_;  // "m" for "m.", "dr" for "dr.": the titles with a dot
  Words auxiliaries_, inverted_pronouns_, verb_blockers_, determiners_, titles_, number_words_,
      title_prefixes_, source_nouns_, prenominal_adjectives_, organization_words_,
      phrase_stops_, pronouns_, statement_skips_, speech_settings_, subject_clitics_,
      reflexive_auxiliaries_, modal_verbs_, time_nouns_, clause_openers_, first_names_,
      member_titles_, relation_titles_, infinitive_openers_, que_only_verbs_, speech_nouns_,
      anaphoric_heads_, topic_verbs_, continuation_verbs_, negated_speech_verbs_,
      unspoken_contents_, reader_participles_, participle_complement_openers_,
      elided_source_noun_genders_,
      impersonal_reflexives_, name_heads_,
      etre_participles_, copular_verbs_, assertive_attributes_, intensifiers_, unspoken_objects_,
      role_synonyms_,
      latest_pronouns_, pair_pronouns_, prepositions_, clause_words_, circumstance_prepositions_,
      occasion_prepositions_, demonym_endings_,
      relative_openers_, relative_pronouns_, emphatic_pronouns_, impersonal_quote_starts_,
      news_nouns_, said_nouns_, appointment_words_, opening_subordinators_,
      que_conjunction_heads_, contrast_openers_,
      sans_asides_,
      announcing_nouns_,
      unspoken_reflexives_,
      object_first_verbs_, title_families_, trade_families_, career_families_,
      head_families_, leading_participles_, heading_phrases_,
      leader_titles_;
  // In front of verbs_ and of the title lexicons: most words start no
  // verb form and no title, and are turned away unhashed.
  WordStartGate verb_gate_;
  WordStartGate title_gate_;
  WordStartGate determiner_gate_;
};

// Lower case of a word for the lexicons (full case folding).
std::string LowerWord(std::string_view word);

// The gender a lexicon writes as "m", "f" or "p"; unknown for anything else
// ("" or "-").
Gender GenderOf(std::string_view code);

// A name word glued to the Arabic article, in lower case before a capital:
// "al-Khelaïfi", "el-Sissi". It is part of a name like a capitalized word.
bool ArabicArticleName(std::string_view word);

// A past participle by its ending ("basée", "diffusé", "publiées"), for a
// word already in lower case: it ends a source phrase, or is an apposition.
bool LooksLikeParticiple(std::string_view lower);

// A past participle in -u ("élue", "connu", "battus", "entendus"), which
// the -é test of LooksLikeParticiple misses; four letters at least, not
// "vu", "eu", "rue". Many adjectives end so too: callers ask for more.
bool LooksLikeUParticiple(std::string_view lower);

// A verb in the imperfect by its ending ("entendaient", "savait"), for a
// word already in lower case; not the adjectives in -fait and -trait.
bool LooksLikeImperfect(std::string_view lower);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_SOURCE_H_
