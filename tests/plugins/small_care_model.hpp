// A small adult-social-care model built in code with every lever target constant, for the lever tests
// (the default county model lives in models/adult_social_care/). Weekly steps over five years.
#pragma once

#include "tests/solver/model_builder.hpp"

namespace sdw::test {

inline model::Project smallCareModel() {
    Builder b(0, 260, 1);
    const std::pair<const char*, const char*> constants[] = {
        {"reablement_referral_share", "0.15"},
        {"reablement_staff", "100"},
        {"reablement_length_of_stay", "6"},
        {"reablement_independence_share", "0.5"},
        {"d2a_care_home_factor", "1"},
        {"d2a_home_support_factor", "1"},
        {"d2a_reablement_factor", "1"},
        {"front_door_resolution_share", "0.3"},
        {"home_care_hours_factor", "1"},
        {"independent_decision_factor", "1"},
        {"new_contact_care_home_share", "0.1"},
        {"care_home_diversion_share", "0"},
        {"review_capacity_factor", "1"},
        {"care_worker_pay_ratio", "0.9"},
        {"carer_breakdown_rate", "0.1"},
        {"temporary_grant_share", "0.59"},
        {"invest_to_save_allowed", "1"},
        {"prevention_investment", "0"},
        {"prevention_max_effect", "0.25"},
        {"prevention_lag_years", "2"},
        {"discharge_planning_time", "3"},  // targets of discharge_to_assess and strengths_based_practice that
        {"assessments_per_assessor", "2.6"},  // this small model does not use: the levers must still apply
        {"minimum_assessment_time", "1"},
        {"base_requests", "100"},
        {"discharges", "60"},
    };
    for (const auto& [name, value] : constants) b.aux(name, value);
    // demand: carers' breakdown adds to it; prevention (funded, after a lag, up to a ceiling) takes from it
    b.aux("prevention_effective",
          "prevention_investment * invest_to_save_allowed * (1 - 0.5 * temporary_grant_share)");
    b.aux("prevention_effect",
          "SMTH1(prevention_max_effect * prevention_effective / (prevention_effective + 2), "
          "prevention_lag_years * 52, 0)");
    b.aux("requests", "base_requests * (1 + carer_breakdown_rate) * (1 - prevention_effect)");
    b.aux("assessed", "requests * (1 - front_door_resolution_share)");
    // reablement: capacity = staff / length of stay
    b.aux("reablement_referrals",
          "(assessed + discharges) * MIN(1, reablement_referral_share * d2a_reablement_factor)");
    b.aux("reablement_capacity", "reablement_staff / reablement_length_of_stay");
    b.stock("in_reablement", "0", {"reablement_starts"}, {"reablement_ends"});
    b.flow("reablement_starts", "MIN(reablement_referrals, reablement_capacity)");
    b.flow("reablement_ends", "in_reablement / reablement_length_of_stay");
    b.aux("unmet_reablement", "MAX(0, reablement_referrals - reablement_starts)");
    b.aux("independent_after_reablement", "reablement_ends * reablement_independence_share");
    b.aux("share_independent_after_reablement", "reablement_independence_share");
    // long-term care
    b.aux("no_ltc_share", "MIN(0.9, 0.3 * independent_decision_factor)");
    b.aux("care_home_admissions_raw",
          "assessed * (1 - reablement_referral_share) * new_contact_care_home_share + "
          "discharges * 0.2 * d2a_care_home_factor + unmet_reablement * 0.45");
    b.stock("people_in_care_homes", "1500", {"care_home_admissions"}, {"care_home_leavers"});
    b.flow("care_home_admissions", "care_home_admissions_raw * (1 - care_home_diversion_share)");
    b.flow("care_home_leavers", "people_in_care_homes / 156");
    b.aux("care_home_admissions_per_year", "care_home_admissions * 52");
    b.stock("people_with_home_care", "1000", {"home_care_starts"}, {"home_care_ends"});
    b.flow("home_care_starts",
           "assessed * (1 - reablement_referral_share) * MAX(0, 1 - no_ltc_share - "
           "new_contact_care_home_share) + "
           "discharges * 0.3 * d2a_home_support_factor + reablement_ends * (1 - "
           "reablement_independence_share) + "
           "care_home_admissions_raw * care_home_diversion_share");
    b.flow("home_care_ends", "people_with_home_care / 72");
    b.aux("review_effect", "MIN(0.1, MAX(0, 0.05 * (review_capacity_factor - 1)))");
    b.aux("home_care_hours", "people_with_home_care * 10 * home_care_hours_factor * (1 - review_effect)");
    // workforce and money
    b.aux("turnover_rate", "MAX(0.05, 0.30 - 0.5 * (care_worker_pay_ratio - 0.9))");
    b.aux("vacancies", "home_care_hours / 30 * turnover_rate * 0.3");
    b.aux("delayed_bed_days", "unmet_reablement * 7 * 2");
    b.aux("council_spend",
          "people_in_care_homes * 700 + home_care_hours * 17.48 + in_reablement * 300 + "
          "prevention_effective * 1000000 / 52");
    return b.project;
}

}  // namespace sdw::test
