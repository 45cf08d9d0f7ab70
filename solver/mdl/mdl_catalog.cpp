// Vensim's documented functions that sdw does not run yet, so that a model using one hears "the Vensim
// function 'DELAY CONVEYOR' is not supported" rather than a guess at a typo. The README lists each with what
// sdw does instead, and a test keeps the two in step. Layer: solver. Depends on the standard library only.
#include <set>
#include <string>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {

const std::set<std::string>& unsupportedVensimFunctions() {
    static const std::set<std::string> kKnown = {
        // arithmetic
        "GAMMA LN",
        // allocation and markets
        "ALLOC P",
        "DEMAND AT PRICE",
        "SUPPLY AT PRICE",
        "FIND MARKET PRICE",
        "MARKETP",
        // arrays
        "VECTOR LOOKUP",
        // delays, queues and conveyors
        "DELAY INFORMATION",
        "DELAY MATERIAL",
        "DELAY BATCH",
        "DELAY CONVEYOR",
        "DELAY PROFILE",
        "QUEUE FIFO",
        "QUEUE ATTRIB",
        "QUEUE CTA",
        "QUEUE ATTRIBUTE",
        // time and initialisation
        "REINITIAL",
        "SHIFT IF TRUE",
        "RAMP FROM TO",
        "TIME SHIFT",
        "TIME BASE",
        // financial
        "DEPRECIATE STRAIGHTLINE",
        "DEPRECIATE BY SCHEDULE",
        // lookups
        "LOOKUP AREA",
        "LOOKUP INVERT",
        "LOOKUP SLOPE",
        // data beyond read-time values
        "GET DATA AT TIME",
        "GET DATA FIRST TIME",
        "GET DATA LAST TIME",
        "GET DATA MAX",
        "GET DATA MIN",
        "GET DATA MEAN",
        "GET DATA TOTAL POINTS",
        "GET DATA BETWEEN TIMES",
        "GET VDF DATA",
        "GET VDF CONSTANTS",
        "GET VDF LOOKUPS",
        "CUMULATE",
        "CUMULATEF",
        // random numbers beyond uniform, normal, exponential and Poisson
        "RANDOM BINOMIAL",
        "RANDOM BETA",
        "RANDOM GAMMA",
        "RANDOM LOOKUP",
        "RANDOM NEGATIVE BINOMIAL",
        "RANDOM PINK NOISE",
        "RANDOM WEIBULL",
        // solving and messages
        "FIND ZERO",
        "SIMULTANEOUS",
        "MESSAGE",
        "SIM STATUS",
        "A FUNCTION OF",
    };
    return kKnown;
}

bool isUnsupportedVensimFunction(const std::string& name) {
    return unsupportedVensimFunctions().count(name) > 0;
}

}  // namespace sdw::mdl::detail
