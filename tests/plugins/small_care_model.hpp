// A small adult-social-care model built in code with every lever target constant, for the lever tests
// (the default county model lives in models/adult_social_care/). Weekly steps over five years.
#pragma once

#include "tests/solver/model_builder.hpp"

namespace sdw::test {

inline model::Project smallCareModel() {
    Builder b(0, 260, 1);
    const std::pair<const char*, const char*> constants[] = {
        {"reablement_referral_factor", "1"},
        {"reablement_staff", "100"},
        {"reablement_length_of_stay", "6"},
        {"reablement_effectiveness", "1"},
        {"reablement_quality_investment", "0"},
        {"d2a_care_home_factor", "1"},
        {"d2a_home_support_factor", "1"},
        {"d2a_reablement_factor", "1"},
        {"assessment_in_hospital_share", "1"},
        {"front_door_reach", "0.4"},
        {"front_door_investment", "0"},
        {"assessment_reach", "0.5"},
        {"strengths_based_review_share", "0"},
        {"practice_development_investment", "0"},
        {"care_home_diversion_share", "0"},
        {"provider_review_rate", "0"},
        {"care_worker_pay_ratio", "0.9"},
        {"carers_support_share", "0.2"},
        {"temporary_grant_share", "0.59"},
        {"invest_to_save_allowed", "1"},
        {"prevention_investment", "0"},
        {"prevention_max_effect", "0.25"},
        {"prevention_lag_years", "2"},
        {"base_requests", "100"},
        {"discharges", "60"},
    };
    for (const auto& [name, value] : constants) b.aux(name, value);
    // demand: carers' strain adds to it; prevention (funded, after a lag, up to a ceiling) takes from it
    b.aux("prevention_effective",
          "prevention_investment * invest_to_save_allowed * (1 - 0.5 * temporary_grant_share)");
    b.aux("prevention_effect",
          "SMTH1(prevention_max_effect * prevention_effective / (prevention_effective + 2), "
          "prevention_lag_years * 52, 0)");
    b.aux("carer_breakdowns", "20 * (1 - 0.4 * carers_support_share)");
    b.aux("requests", "(base_requests + carer_breakdowns) * (1 - prevention_effect)");
    b.aux("assessed", "requests * (1 - 0.9 * front_door_reach)");
    b.aux("no_ltc_share", "MIN(0.9, 0.5 * assessment_reach)");
    b.aux("formal", "assessed * (1 - no_ltc_share)");
    // reablement: capacity = staff / length of stay
    b.aux("reablement_referrals",
          "formal * MIN(1, 0.3 * reablement_referral_factor) + discharges * MIN(1, 0.1 * "
          "d2a_reablement_factor)");
    b.aux("reablement_capacity", "reablement_staff / reablement_length_of_stay");
    b.stock("in_reablement", "0", {"reablement_starts"}, {"reablement_ends"});
    b.flow("reablement_starts", "MIN(reablement_referrals, reablement_capacity)");
    b.flow("reablement_ends", "in_reablement / reablement_length_of_stay");
    b.aux("unmet_reablement", "MAX(0, reablement_referrals - reablement_starts)");
    b.aux("share_independent_after_reablement", "MIN(0.95, 0.5 * reablement_effectiveness)");
    b.aux("independent_after_reablement", "reablement_ends * share_independent_after_reablement");
    // long-term care
    b.aux("care_home_admissions_raw",
          "formal * 0.1 + discharges * 0.2 * d2a_care_home_factor + unmet_reablement * 0.45");
    b.stock("people_in_care_homes", "1500", {"care_home_admissions"}, {"care_home_leavers"});
    b.flow("care_home_admissions", "care_home_admissions_raw * (1 - care_home_diversion_share)");
    b.flow("care_home_leavers", "people_in_care_homes / 156");
    b.aux("care_home_admissions_per_year", "care_home_admissions * 52");
    b.stock("people_with_home_care", "1000", {"home_care_starts"}, {"home_care_ends"});
    b.flow("home_care_starts",
           "formal * 0.4 + discharges * 0.3 * d2a_home_support_factor + reablement_ends * (1 - "
           "share_independent_after_reablement) + care_home_admissions_raw * care_home_diversion_share");
    b.flow("home_care_ends", "people_with_home_care / 72");
    b.aux("excess_share", "0.08 / (1 + provider_review_rate)");
    b.aux("home_care_hours", "people_with_home_care * 10 * (1 + excess_share)");
    b.aux("learning_disability_hours", "30 * (1 - 0.08 * strengths_based_review_share)");
    // workforce, hospital and money
    b.aux("turnover_rate", "MAX(0.05, 0.30 - 0.5 * (care_worker_pay_ratio - 0.9))");
    b.aux("vacancies", "home_care_hours / 30 * turnover_rate * 0.3");
    b.aux("delayed_bed_days", "(unmet_reablement * 7 + 5 * assessment_in_hospital_share) * 2");
    b.aux("council_spend",
          "people_in_care_homes * 700 + home_care_hours * 17.48 + in_reablement * 300 + "
          "(prevention_effective + reablement_quality_investment + front_door_investment + "
          "practice_development_investment) * 1000000 / 52");
    return b.project;
}

}  // namespace sdw::test
