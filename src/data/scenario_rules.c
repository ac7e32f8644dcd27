/* The engagement rules of a scenario's site (bmd/scenario.h, bmd/engagement.h): the one mapping
 * from the file's `timeline:` and `engagement:` to bmd_engagement_rules. */
#include "bmd/scenario.h"

void bmd_scenario_rules(const bmd_scenario *scn, int si, bmd_engagement_rules *rules)
{
    bmd_engagement_rules_init(rules);
    if (!scn)
        return;
    const bmd_scenario_timeline *t = si >= 0 && si < scn->n_sites ? &scn->sites[si].timeline
                                                                  : &scn->timeline;
    rules->launch_on = scn->launch_on;
    rules->require_fcr_coverage = scn->require_fcr_coverage;
    rules->timeline.track_delay_s = t->detect_to_track_s;
    rules->timeline.decision_delay_s = t->track_to_decision_s;
    rules->timeline.launch_delay_s = t->decision_to_launch_s;
    rules->timeline.kill_assessment_s = t->kill_assessment_s;
}
