// Vensim expression text -> XMILE expression text: tokens from equations::Tokenizer (Vensim dialect), and the
// function translation table (argument orders differ for DELAY N, SMOOTH N, FORECAST...).
// Layer: solver. Depends on equations/ (the tokenizer), model/ (canonical names) and diag/ only.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <tuple>

#include "solver/equations/tokenizer.hpp"
#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

enum class T { Num, Name, Op, LParen, RParen, LBracket, RBracket, Comma, Bang, Keyword, Text };

struct Tok {
    T kind;
    std::string text;
};

struct Failure {
    const char* code;
    std::string message;
};

const char* unreadable(equations::TokenProblem problem) {
    switch (problem) {
        case equations::TokenProblem::UnclosedQuote:
            return "a quoted name is never closed";
        case equations::TokenProblem::UnclosedText:
            return "a 'text' literal is never closed";
        case equations::TokenProblem::StrayColon:
            return "stray ':'";
        default:
            return "malformed number";
    }
}

// The translator's tokens, read by the one equation tokenizer in its Vensim dialect.
std::vector<Tok> tokenize(const std::string& s) {
    using K = equations::TokenKind;
    static const std::map<K, T> kKinds = {
        {K::Number, T::Num},        {K::Name, T::Name},     {K::QuotedName, T::Name},
        {K::Keyword, T::Keyword},   {K::Text, T::Text},     {K::Operator, T::Op},
        {K::LParen, T::LParen},     {K::RParen, T::RParen}, {K::LBracket, T::LBracket},
        {K::RBracket, T::RBracket}, {K::Comma, T::Comma},   {K::Bang, T::Bang}};
    std::vector<Tok> out;
    equations::Tokenizer tokens(s, equations::Dialect::Vensim);
    for (equations::Token t = tokens.next(); t.kind != K::End; t = tokens.next()) {
        if (t.kind == K::Error && t.problem == equations::TokenProblem::BadCharacter)
            throw Failure{diag::code::kMdlSyntax, "unexpected character '" + t.text + "'"};
        if (t.kind == K::Error) throw Failure{diag::code::kMdlSyntax, unreadable(t.problem)};
        std::string raw = s.substr(t.begin, t.end - t.begin);  // a quoted name keeps its quotes
        if (t.kind == K::Name) raw = squeeze(raw);
        if (t.kind == K::Keyword) raw = upper(squeeze(raw));
        out.push_back({kKinds.at(t.kind), std::move(raw)});
    }
    return out;
}

std::string join(const std::vector<std::string>& a, size_t from = 0) {
    std::string out;
    for (size_t k = from; k < a.size(); ++k) out += (k > from ? ", " : "") + a[k];
    return out;
}

void needArgs(const std::string& f, const std::vector<std::string>& a, size_t lo, size_t hi) {
    if (a.size() < lo || a.size() > hi) {
        std::ostringstream m;
        m << f << " expects " << lo;
        if (hi != lo) m << " to " << hi;
        m << " arguments, got " << a.size();
        throw Failure{diag::code::kMdlSyntax, m.str()};
    }
}

// Functions whose XMILE form is the same call under a (possibly) different name.
const std::map<std::string, std::string>& renames() {
    static const std::map<std::string, std::string> k = {
        {"ABS", "ABS"},
        {"EXP", "EXP"},
        {"LN", "LN"},
        {"LOG10", "LOG10"},
        {"SQRT", "SQRT"},
        {"SIN", "SIN"},
        {"COS", "COS"},
        {"TAN", "TAN"},
        {"ARCSIN", "ARCSIN"},
        {"ARCCOS", "ARCCOS"},
        {"ARCTAN", "ARCTAN"},
        {"SINH", "SINH"},
        {"COSH", "COSH"},
        {"TANH", "TANH"},
        {"INTEGER", "INTEGER"},  // toward zero: XMILE's INT rounds down
        {"QUANTUM", "QUANTUM"},
        {"MAX", "MAX"},
        {"MIN", "MIN"},
        {"MODULO", "MODULO"},  // the dividend's sign, as C's fmod: XMILE's MOD takes the divisor's
        {"PI", "PI"},
        {"XIDZ", "XIDZ"},
        {"ZIDZ", "ZIDZ"},
        {"STEP", "STEP"},
        {"RAMP", "RAMP"},
        {"DELAY FIXED", "DELAY"},
        {"DELAY1", "DELAY1"},
        {"DELAY1I", "DELAY1"},
        {"DELAY3", "DELAY3"},
        {"DELAY3I", "DELAY3"},
        {"SMOOTH", "SMTH1"},
        {"SMOOTHI", "SMTH1"},
        {"SMOOTH3", "SMTH3"},
        {"SMOOTH3I", "SMTH3"},
        {"TREND", "TREND"},
        {"INITIAL", "INIT"},
        {"ACTIVE INITIAL", "ACTIVE_INITIAL"},
        {"SAMPLE IF TRUE", "SAMPLE_IF_TRUE"},
        {"PULSE TRAIN", "PULSE_TRAIN"},
        {"PULSE", "PULSE_WIDTH"},
        {"RANDOM UNIFORM", "RANDOM"},
        {"SUM", "SUM"},
        {"PROD", "PROD"},
        {"VMIN", "MIN"},
        {"VMAX", "MAX"},
        {"ELMCOUNT", "SIZE"},
        {"SIGN", "SIGN"},
        {"VECTOR SELECT", "VECTOR_SELECT"},
        {"VECTOR ELM MAP", "VECTOR_ELM_MAP"},
        {"VECTOR SORT ORDER", "VECTOR_SORT_ORDER"},
        {"VECTOR RANK", "VECTOR_RANK"},
        {"VECTOR REORDER", "VECTOR_REORDER"},
        {"ALLOCATE AVAILABLE", "ALLOCATE_AVAILABLE"},
        {"ALLOCATE BY PRIORITY", "ALLOCATE_BY_PRIORITY"},
        {"INVERT MATRIX", "INVERT_MATRIX"},
    };
    return k;
}

class Translator {
  public:
    Translator(std::vector<Tok> toks, TranslateContext& ctx) : m_t(std::move(toks)), m_ctx(ctx) {}

    std::string run() { return seq(0, m_t.size()); }

  private:
    size_t matching(size_t open) const {
        int depth = 0;
        for (size_t k = open; k < m_t.size(); ++k) {
            if (m_t[k].kind == T::LParen || m_t[k].kind == T::LBracket) ++depth;
            if (m_t[k].kind == T::RParen || m_t[k].kind == T::RBracket) --depth;
            if (depth == 0) return k;
        }
        throw Failure{diag::code::kMdlSyntax, "unbalanced parentheses or brackets"};
    }

    std::vector<std::pair<size_t, size_t>> argRanges(size_t open, size_t close) const {
        std::vector<std::pair<size_t, size_t>> out;
        if (close == open + 1) return out;
        int depth = 0;
        size_t start = open + 1;
        for (size_t k = open + 1; k < close; ++k) {
            const T kd = m_t[k].kind;
            if (kd == T::LParen || kd == T::LBracket) ++depth;
            if (kd == T::RParen || kd == T::RBracket) --depth;
            if (kd == T::Comma && depth == 0) out.push_back({start, k}), start = k + 1;
        }
        out.push_back({start, close});
        return out;
    }

    std::string seq(size_t b, size_t e) {
        if (b >= e) throw Failure{diag::code::kMdlSyntax, "missing expression"};
        // Nesting is refused beyond this depth, so a hostile file cannot exhaust the stack.
        struct Depth {
            int& d;
            explicit Depth(int& x) : d(x) {
                if (++d > kMaxNesting)
                    throw Failure{diag::code::kMdlSyntax, "the equation is nested too deeply"};
            }
            ~Depth() { --d; }
        } guard(m_depth);
        std::string out;
        for (size_t k = b; k < e; ++k) {
            const Tok& t = m_t[k];
            switch (t.kind) {
                case T::Num:
                    out += t.text;
                    break;
                case T::Op:
                    out += " " + t.text + " ";
                    break;
                case T::Keyword:
                    out += keyword(t.text);
                    break;
                case T::LParen: {
                    const size_t c = matching(k);
                    if (c >= e) throw Failure{diag::code::kMdlSyntax, "unbalanced parentheses"};
                    out += "(" + seq(k + 1, c) + ")";
                    k = c;
                    break;
                }
                case T::Name:
                    k = name(k, e, out);
                    break;
                case T::Text:
                    throw Failure{diag::code::kUnsupported,
                                  "text literals (" + t.text + ") are not supported"};
                default:
                    throw Failure{diag::code::kMdlSyntax, "unexpected '" + t.text + "'"};
            }
        }
        return out;
    }

    static std::string keyword(const std::string& k) {
        if (k == ":AND:") return " AND ";
        if (k == ":OR:") return " OR ";
        if (k == ":NOT:") return " NOT ";
        if (k == ":NA:") return "(-1e38)";
        throw Failure{diag::code::kUnsupported, "Vensim keyword " + k + " is not supported"};
    }

    // A name, a subscripted name, or a call. Returns the index of its last token.
    size_t name(size_t k, size_t e, std::string& out) {
        const std::string& raw = m_t[k].text;
        if (k + 1 < e && m_t[k + 1].kind == T::LParen) {
            const size_t c = matching(k + 1);
            if (c >= e) throw Failure{diag::code::kMdlSyntax, "unbalanced parentheses"};
            out += call(raw, k + 1, c);
            return c;
        }
        if (k + 1 < e && m_t[k + 1].kind == T::LBracket) {
            const size_t c = matching(k + 1);
            if (c >= e) throw Failure{diag::code::kMdlSyntax, "unbalanced brackets"};
            std::string ref = xmileName(raw) + "[" + subscripts(k + 1, c, model::canonicalName(raw)) + "]";
            if (c + 1 < e && m_t[c + 1].kind == T::LParen) {  // a subscripted lookup called: tab[d](x)
                const size_t c2 = matching(c + 1);
                out += "LOOKUP(" + ref + ", " + seq(c + 2, c2) + ")";
                return c2;
            }
            out += ref;
            return c;
        }
        out += plainName(raw);
        return k;
    }

    std::string plainName(const std::string& raw) const {
        const std::string u = upper(squeeze(raw));
        // A control that changes during the run is a variable of the model (readControl).
        if (m_ctx.symbols && m_ctx.symbols->dynamicControls.count(model::canonicalName(raw)))
            return xmileName(raw);
        if (u == "TIME") return "TIME";
        if (u == "TIME STEP") return "DT";
        if (u == "INITIAL TIME") return "STARTTIME";
        if (u == "FINAL TIME") return "STOPTIME";
        if (u == "SAVEPER") {
            if (m_ctx.symbols && m_ctx.symbols->saveper) {
                std::ostringstream s;
                s.precision(17);
                s << *m_ctx.symbols->saveper;
                return s.str();
            }
            return "DT";
        }
        return xmileName(raw);
    }

    // The dimension `var` is written over at `position` (an element stands for its dimension); "" if unknown.
    std::string declaredDim(const std::string& var, size_t position) const {
        if (!m_ctx.symbols) return "";
        const auto it = m_ctx.symbols->defined.find(var);
        if (it == m_ctx.symbols->defined.end() || position >= it->second.size()) return "";
        const std::string& s = it->second[position];
        const auto el = m_ctx.symbols->elementDim.find(s);
        return el != m_ctx.symbols->elementDim.end() && !m_ctx.symbols->dims.count(s) ? el->second : s;
    }

    // `d!` over another dimension of the same size than the one written at that place (Vensim's
    // m[sector1, sector!] for m[sector, sector1]) keeps its name, *:d, so that it pairs with the other
    // d! of the expression by position; a plain * would range over the place's own dimension apart.
    bool otherDimension(const std::string& bang, const std::string& declared) const {
        if (declared.empty() || declared == bang || !m_ctx.symbols) return false;
        const auto a = m_ctx.symbols->dims.find(bang), b = m_ctx.symbols->dims.find(declared);
        return a != m_ctx.symbols->dims.end() && b != m_ctx.symbols->dims.end() &&
               a->second.size() == b->second.size();
    }

    std::string subscripts(size_t open, size_t close, const std::string& var = "") {
        std::vector<std::string> parts;
        size_t position = 0;
        for (auto [b, e] : argRanges(open, close)) {
            const size_t at = position++;
            if (b >= e || m_t[b].kind != T::Name)
                throw Failure{diag::code::kMdlSyntax, "a subscript must be a dimension or element name"};
            const bool bang = e == b + 2 && m_t[b + 1].kind == T::Bang;
            if (e != b + 1 && !bang) throw Failure{diag::code::kMdlSyntax, "malformed subscript"};
            const std::string c = model::canonicalName(m_t[b].text);
            if (bang) {
                const bool sub = m_ctx.symbols && m_ctx.symbols->subranges.count(c);
                const bool other = !sub && otherDimension(c, declaredDim(var, at));
                parts.push_back(sub || other ? "*:" + xmileName(m_t[b].text) : "*");
            } else if (auto it = m_ctx.subst.find(c); it != m_ctx.subst.end()) {
                parts.push_back(xmileName(it->second));
            } else {
                parts.push_back(xmileName(m_t[b].text));
            }
        }
        return join(parts);
    }

    std::string call(const std::string& raw, size_t open, size_t close) {
        std::string f = upper(squeeze(raw));
        for (char& ch : f)
            if (ch == '_') ch = ' ';
        f = squeeze(f);
        const std::string canon = model::canonicalName(raw);
        const bool user =
            m_ctx.symbols && (m_ctx.symbols->lookups.count(canon) || m_ctx.symbols->macros.count(canon));
        if (!user && !known(f)) {
            m_ctx.failedName = raw;
            if (isUnsupportedVensimFunction(f))  // a real Vensim function: no guess at a typo
                throw Failure{diag::code::kUnsupported,
                              "the Vensim function '" + f +
                                  "' is not supported: see the list of Vensim functions in sdw's README"};
            throw Failure{diag::code::kUnsupported,
                          "'" + f +
                              "' is not a function sdw knows, nor a lookup or macro of "
                              "this model" +
                              nearest(f)};
        }
        std::vector<std::string> a;
        for (auto [b, e] : argRanges(open, close)) a.push_back(seq(b, e));
        if (m_ctx.symbols && m_ctx.symbols->lookups.count(canon)) {
            needArgs(raw, a, 1, 1);
            return xmileName(raw) + "(" + a[0] + ")";
        }
        if (m_ctx.symbols && m_ctx.symbols->macros.count(canon)) return xmileName(raw) + "(" + join(a) + ")";
        return builtin(f, a);
    }

    // "; did you mean 'SMOOTH'?" when a function sdw reads is within two edits of `f` (a typo), else "".
    static std::string nearest(const std::string& f) {
        auto distance = [](const std::string& a, const std::string& b) {
            std::vector<size_t> row(b.size() + 1);
            for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
            for (size_t i = 1; i <= a.size(); ++i) {
                size_t diag = row[0];
                row[0] = i;
                for (size_t j = 1; j <= b.size(); ++j) {
                    const size_t up = row[j];
                    row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
                    diag = up;
                }
            }
            return row[b.size()];
        };
        if (f.size() > 40) return "";
        std::string best;
        size_t bestDistance = 3;
        for (const auto& [name, xmile] : renames()) {
            const size_t d = distance(f, name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return best.empty() ? "" : "; did you mean '" + best + "'?";
    }

    static bool known(const std::string& f) {
        static const std::set<std::string> kSpecial = {"IF THEN ELSE",
                                                       "LOG",
                                                       "POWER",
                                                       "GAME",
                                                       "DELAY N",
                                                       "SMOOTH N",
                                                       "FORECAST",
                                                       "RANDOM NORMAL",
                                                       "RANDOM EXPONENTIAL",
                                                       "RANDOM POISSON",
                                                       "RANDOM TRIANGULAR",
                                                       "RANDOM 0 1",
                                                       "NPV",
                                                       "NPVE",
                                                       "LOOKUP EXTRAPOLATE",
                                                       "LOOKUP FORWARD",
                                                       "LOOKUP BACKWARD",
                                                       "GET TIME VALUE"};
        return kSpecial.count(f) || renames().count(f);
    }

    std::string builtin(const std::string& f, std::vector<std::string>& a) {
        if (f == "IF THEN ELSE") {
            needArgs(f, a, 3, 3);
            return "(IF " + a[0] + " THEN " + a[1] + " ELSE " + a[2] + ")";
        }
        if (f == "LOG") {
            needArgs(f, a, 2, 2);
            return "(LN(" + a[0] + ") / LN(" + a[1] + "))";
        }
        if (f == "POWER") {
            needArgs(f, a, 2, 2);
            return "((" + a[0] + ") ^ (" + a[1] + "))";
        }
        if (f == "GAME") {  // GAME(x) is x when the model is simulated rather than played
            needArgs(f, a, 1, 1);
            return "(" + a[0] + ")";
        }
        if (f ==
            "DELAY N") {  // Vensim's own DELAY N: it differs from XMILE's DELAYN when the delay time changes
            needArgs(f, a, 4, 4);
            return "DELAY_N(" + join(a) + ")";
        }
        if (f == "SMOOTH N") {  // Vensim's own SMOOTH N: its order falls when the smoothing time is short
            needArgs(f, a, 4, 4);
            return "SMOOTH_N(" + join(a) + ")";
        }
        if (f == "FORECAST") {
            needArgs(f, a, 3, 3);
            return "FORCST(" + join(a) + ", 0)";
        }
        // Vensim's RANDOM functions truncate to [min, max] after the shift and stretch: a draw outside is
        // drawn again, so no value piles up at the bounds. sdw's draws take the bounds after the seed, on
        // the unshifted draw: min - shift and max - shift, divided by the stretch (either way round).
        if (f == "RANDOM NORMAL") {  // (min, max, mean, sd, seed)
            needArgs(f, a, 5, 5);
            return "NORMAL(" + a[2] + ", " + a[3] + ", " + a[4] + ", " + a[0] + ", " + a[1] + ")";
        }
        if (f == "RANDOM EXPONENTIAL") {  // (min, max, shift, stretch, seed)
            needArgs(f, a, 5, 5);
            return "(" + a[2] + " + EXPRND(" + a[3] + ", " + a[4] + ", (" + a[0] + ") - (" + a[2] + "), (" +
                   a[1] + ") - (" + a[2] + ")))";
        }
        if (f == "RANDOM POISSON") {  // (min, max, mean, shift, stretch, seed)
            needArgs(f, a, 6, 6);
            const std::string lo = "((" + a[0] + ") - (" + a[3] + ")) / (" + a[4] + ")";
            const std::string hi = "((" + a[1] + ") - (" + a[3] + ")) / (" + a[4] + ")";
            return "(" + a[3] + " + " + a[4] + " * POISSON(" + a[2] + ", " + a[5] + ", MIN(" + lo + ", " +
                   hi + "), MAX(" + lo + ", " + hi + ")))";
        }
        if (f == "RANDOM TRIANGULAR") {  // (min, max, start, peak, end, seed)
            needArgs(f, a, 6, 6);
            return "TRIANGULAR(" + a[2] + ", " + a[3] + ", " + a[4] + ", " + a[5] + ", " + a[0] + ", " +
                   a[1] + ")";
        }
        if (f == "RANDOM 0 1") {  // obsolete in Vensim: RANDOM UNIFORM(0, 1, 0)
            needArgs(f, a, 0, 0);
            return "RANDOM(0, 1)";
        }
        if (f == "LOOKUP EXTRAPOLATE" || f == "LOOKUP FORWARD" || f == "LOOKUP BACKWARD") {
            needArgs(f, a, 2, 2);
            std::string name = f;
            std::replace(name.begin(), name.end(), ' ', '_');
            return name + "(" + join(a) + ")";
        }
        if (const std::string macro = libraryMacroName(f); !macro.empty()) {  // NPV, NPVE
            needArgs(f, a, 4, 4);
            return xmileName(macro) + "(" + join(a) + ")";
        }
        if (f == "GET TIME VALUE") return timeValue(a);
        if (f == "PULSE TRAIN") needArgs(f, a, 4, 4);
        if (f == "PULSE") needArgs(f, a, 2, 2);
        if (f == "RANDOM UNIFORM") needArgs(f, a, 3, 3);
        if (auto it = renames().find(f); it != renames().end()) return it->second + "(" + join(a) + ")";
        throw Failure{diag::code::kUnsupported, "the Vensim function '" + f + "' is not supported"};
    }

    // GET TIME VALUE(relative to, offset, measure): the model's time plus an offset (0, offset, 0). The
    // other forms read the computer's clock or calendar dates, which a reproducible run cannot.
    static std::string timeValue(const std::vector<std::string>& a) {
        needArgs("GET TIME VALUE", a, 3, 3);
        auto number = [](const std::string& s) -> std::optional<double> {
            char* end = nullptr;
            const double v = std::strtod(s.c_str(), &end);
            if (end == s.c_str() || *end != 0) return std::nullopt;
            return v;
        };
        const std::optional<double> relative = number(a[0]), measure = number(a[2]);
        if (relative == 0.0 && measure == 0.0) return "(TIME + (" + a[1] + "))";
        throw Failure{diag::code::kUnsupported,
                      "GET TIME VALUE is supported as GET TIME VALUE(0, offset, 0), the "
                      "model's time plus an offset; " +
                          timeValueRefusal(relative, measure)};
    }

    // Why a form of GET TIME VALUE(relative to, offset, measure) other than (0, offset, 0) is refused.
    static std::string timeValueRefusal(std::optional<double> relative, std::optional<double> measure) {
        static const char* const kMeasures[] = {
            "the model's time",     "the calendar year",   "the quarter",     "the month",
            "the day of the month", "the day of the week", "days since 1 BC", "the hour",
            "the minute",           "the second",          "elapsed seconds"};
        if (!relative || !measure) return "its first and third arguments must be numbers, not expressions";
        if (*relative == 2)
            return "relative to 2 reads the computer's clock, so the run would change from day to day (and "
                   "could not be repeated)";
        if (*relative != 0 && *relative != 1)
            return "relative to must be 0 (Time), 1 (INITIAL TIME) or 2 (clock)";
        if (!(*measure >= 0 && *measure <= 10) || *measure != std::floor(*measure))
            return "measure must be a whole number from 0 to 10";
        const int m = static_cast<int>(*measure);
        // PySD's maintainers found Vensim's output for relative to 1 differs from its documentation.
        if (m == 0)
            return "relative to 1 (the initial time) is refused: Vensim's output for it is known not "
                   "to follow its documentation, so sdw cannot promise Vensim's numbers; write "
                   "INITIAL TIME + offset";
        return "measure " + std::to_string(m) + " (" + kMeasures[m] +
               ") counts calendar dates from the time labels of Vensim's Time Bounds settings, "
               "which sdw does not read";
    }

    static constexpr int kMaxNesting = 500;
    std::vector<Tok> m_t;
    TranslateContext& m_ctx;
    int m_depth = 0;
};

}  // namespace

std::optional<std::string> translateExpr(const std::string& vensim, TranslateContext& ctx) {
    try {
        Translator tr(tokenize(vensim), ctx);
        return trim(tr.run());  // the translator spaces its operators: no blank at either end
    } catch (const Failure& f) {
        if (ctx.diags) {  // at the function it could not translate, else where the text starts
            auto [line, column] = std::pair{ctx.line, 0};
            if (ctx.entry && !ctx.failedName.empty())
                std::tie(line, column) = positionOfName(vensim, ctx.failedName, *ctx.entry, ctx.offset);
            else if (ctx.entry && ctx.offset < ctx.entry->positions.size())
                std::tie(line, column) = ctx.entry->positions[ctx.offset];
            ctx.diags->error(f.code, ctx.where, f.message, column, line);
        }
        return std::nullopt;
    } catch (const std::exception& e) {
        if (ctx.diags) ctx.diags->error(diag::code::kMdlSyntax, ctx.where, e.what(), 0, ctx.line);
        return std::nullopt;
    }
}

}  // namespace sdw::mdl::detail
